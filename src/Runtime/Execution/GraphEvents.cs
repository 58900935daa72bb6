using System;
using TaskGraph.Scheduling;

namespace TaskGraph.Execution;

/// <summary>
/// What a <see cref="GraphScheduler"/> reports while its graph runs elsewhere: each call raises the compute's
/// observers and progress on the caller's side, as the local core would. Tasks are named by their index in
/// <see cref="ExportedGraph.Tasks"/>; the optional worker (where the task ran, e.g. a silo and its thread) reaches
/// observers as <see cref="TaskWorker.Current"/>. Thread-safe; events may come from any thread.
/// </summary>
public sealed class GraphEvents
{
    private readonly ExportedGraph graph;
    private readonly ComputeNotifier? notifier;

    internal GraphEvents(ExportedGraph graph, ComputeNotifier? notifier)
    {
        this.graph = graph;
        this.notifier = notifier;
    }

    /// <summary>Task <paramref name="task"/> is about to run (again, after a retry or a lost worker) on <paramref name="worker"/>.</summary>
    public void TaskStarted(int task, string? worker = null)
    {
        using var where = TaskWorker.Report(worker);
        notifier?.TaskStarted(Node(task));
    }

    /// <summary>Task <paramref name="task"/> finished successfully on <paramref name="worker"/>.</summary>
    public void TaskCompleted(int task, string? worker = null)
    {
        using var where = TaskWorker.Report(worker);
        notifier?.TaskCompleted(Node(task));
    }

    /// <summary>An attempt of task <paramref name="task"/> on <paramref name="worker"/> failed and it runs again after <paramref name="delay"/>.</summary>
    public void TaskRetrying(int task, Exception exception, int attempt, TimeSpan delay, string? worker = null)
    {
        using var where = TaskWorker.Report(worker);
        notifier?.TaskRetrying(Node(task), exception, attempt, delay);
    }

    /// <summary>Task <paramref name="task"/> failed for good (the compute then fails with it).</summary>
    public void TaskFailed(int task, Exception exception) => notifier?.TaskFailed(Node(task), exception);

    private DelayedNode Node(int task)
        => (uint)task < (uint)graph.Tasks.Count
            ? graph.Tasks[task].Node
            : throw new ArgumentOutOfRangeException(nameof(task), task, $"The graph has {graph.Tasks.Count} tasks.");
}

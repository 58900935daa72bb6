using System;
using System.Threading.Tasks;
using TaskGraph.Execution;
using TaskGraph.Orleans.Wire;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>The client's end of one compute: raises the caller's observers from task events as they stream in, and completes with the targets' values or the error.</summary>
internal sealed class ClusterSubmission : IComputeEvents
{
    private readonly ExportedGraph graph;
    private readonly GraphEvents events;
    private readonly Action<ComputeEvent>? tap;
    private readonly TaskCompletionSource<object?[]> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ClusterSubmission(ExportedGraph graph, GraphEvents events, Action<ComputeEvent>? tap)
    {
        this.graph = graph;
        this.events = events;
        this.tap = tap;
    }

    public Task<object?[]> Outcome => outcome.Task;

    public Task OnEvents(ComputeEvent[] events)
    {
        foreach (var computeEvent in events)
        {
            tap?.Invoke(computeEvent);
            switch (computeEvent.Kind)
            {
                case ComputeEventKind.Started:
                    this.events.TaskStarted(computeEvent.Task, WorkerOf(computeEvent));
                    break;
                case ComputeEventKind.Completed:
                    this.events.TaskCompleted(computeEvent.Task, WorkerOf(computeEvent));
                    break;
                default:
                    this.events.TaskRetrying(computeEvent.Task, computeEvent.Error ?? new InvalidOperationException("An attempt failed."), computeEvent.Attempt, computeEvent.Delay, WorkerOf(computeEvent));
                    break;
            }
        }

        return Task.CompletedTask;
    }

    public Task OnFinished(object?[] targets, ComputeEvent[] lastEvents)
    {
        OnEvents(lastEvents);
        outcome.TrySetResult(targets);
        return Task.CompletedTask;
    }

    public Task OnFailed(int task, Exception? error, bool cancelled, ComputeEvent[] lastEvents)
    {
        OnEvents(lastEvents);
        if (cancelled)
        {
            outcome.TrySetCanceled();
        }
        else
        {
            var node = graph.Tasks[task].Node;
            var cause = error ?? new InvalidOperationException("The task failed on the cluster.");
            this.events.TaskFailed(task, cause);
            outcome.TrySetException(new DelayedTaskException(node.Key, node.Method, cause));
        }

        return Task.CompletedTask;
    }

    /// <summary>Where the task ran, as observers read it (<see cref="TaskWorker.Current"/>): the silo, and its thread once known.</summary>
    private static string? WorkerOf(ComputeEvent computeEvent)
        => computeEvent.Thread == 0 ? computeEvent.Silo : $"{computeEvent.Silo} thread {computeEvent.Thread}";
}

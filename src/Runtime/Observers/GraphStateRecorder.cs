using System;
using System.Collections.Concurrent;

namespace TaskGraph.Diagnostics;

/// <summary>
/// Remembers the state of every task of the computes it observes, so that
/// <see cref="Delayed.ToDot(DelayedNode, GraphStateRecorder?, string?)"/> and
/// <see cref="Delayed.ToMermaid(DelayedNode, GraphStateRecorder?, string?)"/> can colour nodes after (or
/// during) a compute. Add it to <see cref="ComputeOptions.Observers"/>; one recorder may watch many
/// computes, the latest state of a task wins.
/// </summary>
/// <remarks>
/// States are kept by task key, so equal pure calls, which share one task, share one state. The recorder
/// keeps a key string per task it saw until it is garbage: use one per picture you mean to draw.
/// </remarks>
public sealed class GraphStateRecorder : IComputeObserver
{
    private readonly ConcurrentDictionary<string, TaskState> states = new(StringComparer.Ordinal);

    /// <summary>The last state seen for <paramref name="task"/>; <see cref="TaskState.NotRun"/> when it never started.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    public TaskState StateOf(DelayedNode task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return states.TryGetValue(task.Key, out TaskState state) ? state : TaskState.NotRun;
    }

    void IComputeObserver.OnTaskStarted(ComputeInfo compute, DelayedNode task) => states[task.Key] = TaskState.Running;

    void IComputeObserver.OnTaskCompleted(ComputeInfo compute, DelayedNode task) => states[task.Key] = TaskState.Done;

    void IComputeObserver.OnTaskReused(ComputeInfo compute, DelayedNode task) => states[task.Key] = TaskState.Reused;

    void IComputeObserver.OnTaskFailed(ComputeInfo compute, DelayedNode task, Exception exception) => states[task.Key] = TaskState.Failed;
}

using System;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// One task's node and result within one compute. Everything else a task has while computing (its
/// counters, its arguments, its consumers) lives in the compute's pooled arrays, indexed by the task's
/// slot, so that a task costs one small object.
/// </summary>
internal abstract class TaskRun
{
    protected TaskRun(DelayedNode node) => Node = node;

    internal DelayedNode Node { get; }

    /// <summary>Calls the method. <see langword="true"/> when the result is stored; <see langword="false"/> when it is awaited.</summary>
    internal abstract bool Invoke(Computation owner, int slot, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="continuation"/> once the awaited result is available (after <see cref="Invoke"/> returned <see langword="false"/>).</summary>
    internal virtual void WhenAwaited(Action continuation) => throw new InvalidOperationException("The task is not awaiting.");

    /// <summary>Stores the awaited result, or throws the awaited exception.</summary>
    internal virtual void CollectAwaitedResult() => throw new InvalidOperationException("The task is not awaiting.");

    /// <summary>Drops the result so the garbage collector can take it.</summary>
    internal abstract void ReleaseResult();
}

/// <summary>A task's state with its typed result.</summary>
internal abstract class TaskRun<T> : TaskRun
{
    protected TaskRun(DelayedNode node)
        : base(node)
    {
    }

    internal T Result = default!;

    internal sealed override void ReleaseResult() => Result = default!;
}

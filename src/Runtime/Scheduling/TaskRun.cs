using System;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// One task's state within one compute: how many inputs it still waits for, how many consumers still
/// need its result, and (in <see cref="TaskRun{T}"/>) the result. Nodes are shared and immutable, so
/// everything that changes while computing lives here. Also the work item a blocking thread runs.
/// </summary>
internal abstract class TaskRun : IThreadPoolWorkItem
{
    protected TaskRun(Computation owner, DelayedNode node, int slot, int firstArgument)
    {
        Owner = owner;
        Node = node;
        Slot = slot;
        FirstArgument = firstArgument;
    }

    internal Computation Owner { get; }

    internal DelayedNode Node { get; }

    /// <summary>The task's index in its compute's plan.</summary>
    internal int Slot { get; }

    /// <summary>Where this task's arguments start in the plan's argument slots.</summary>
    internal int FirstArgument { get; }

    /// <summary>Task inputs (argument occurrences) not yet finished; the task is ready at 0.</summary>
    internal int Remaining;

    /// <summary>Consumers (argument occurrences, plus one per target occurrence) not yet invoked; the result is released at 0.</summary>
    internal int PendingConsumers;

    /// <summary>Calls the method. <see langword="true"/> when the result is stored; <see langword="false"/> when it is awaited.</summary>
    internal abstract bool Invoke(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="continuation"/> once the awaited result is available (after <see cref="Invoke"/> returned <see langword="false"/>).</summary>
    internal virtual void WhenAwaited(Action continuation) => throw new InvalidOperationException("The task is not awaiting.");

    /// <summary>Stores the awaited result, or throws the awaited exception.</summary>
    internal virtual void CollectAwaitedResult() => throw new InvalidOperationException("The task is not awaiting.");

    /// <summary>Drops the result so the garbage collector can take it.</summary>
    internal abstract void ReleaseResult();

    void IThreadPoolWorkItem.Execute() => Owner.RunBlockingTask(this);
}

/// <summary>A task's state with its typed result.</summary>
internal abstract class TaskRun<T> : TaskRun
{
    protected TaskRun(Computation owner, DelayedNode node, int slot, int firstArgument)
        : base(owner, node, slot, firstArgument)
    {
    }

    internal T Result = default!;

    internal sealed override void ReleaseResult() => Result = default!;
}

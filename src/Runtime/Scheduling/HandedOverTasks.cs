using System;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Execution;

namespace TaskGraph.Scheduling;

/// <summary>
/// The tasks of a compute that an <see cref="ITaskExecutor"/> runs: each attempt handed over as a
/// <see cref="ReadyTask"/> (the only per-task object such a compute allocates), reports passed back to the
/// computation, releases passed on to the executor. Results are stored untyped, as the executor reported them.
/// Invariants: a slot's latest attempt is written before the executor sees it, and attempts of one slot
/// never overlap (the next one is handed over after the previous one was reported).
/// </summary>
internal sealed class HandedOverTasks
{
    private readonly Computation owner;
    private readonly ITaskExecutor executor;
    private readonly ReadyTask?[] latest;
    private readonly bool[] isTarget;

    internal HandedOverTasks(Computation owner, ITaskExecutor executor, int taskCount, int[] targetSlots)
    {
        this.owner = owner;
        this.executor = executor;
        latest = new ReadyTask?[taskCount];
        isTarget = new bool[taskCount];
        foreach (int slot in targetSlots)
        {
            if (slot >= 0)
            {
                isTarget[slot] = true;
            }
        }
    }

    /// <summary>Hands the next attempt of the task in <paramref name="slot"/> over; a throwing executor fails the attempt.</summary>
    internal void Execute(int slot, DelayedNode node, CancellationToken cancellationToken)
    {
        var task = new ReadyTask(this, slot, node, (latest[slot]?.Attempt ?? 0) + 1, isTarget[slot], cancellationToken);
        latest[slot] = task;
        try
        {
            executor.Execute(task);
        }
        catch (Exception exception)
        {
            task.FailUnlessReported(exception);
        }
    }

    /// <summary>The result of the task in <paramref name="slot"/> was released: the executor may drop what it keeps for it.</summary>
    internal void Released(int slot)
    {
        try
        {
            executor.Release(latest[slot]!);
        }
        catch (Exception exception)
        {
            owner.StopWith(new InvalidOperationException($"The task executor {executor.GetType().FullName} threw in {nameof(ITaskExecutor.Release)}: {ExceptionText.MessageOf(exception)}", exception));
        }
    }

    internal object? ArgumentValue(int slot, int index) => owner.ArgumentValue(slot, index);

    internal void End(int slot, object? result, Exception? failure) => owner.EndHandedOver(slot, result, failure);

    internal ValueTask DisposeAsync() => executor.DisposeAsync();
}

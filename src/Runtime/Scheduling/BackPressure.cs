/*
 * Back-pressure on sources: keeps a running fold's sources from outrunning its chain of combines.
 *
 * Sources (synchronous CPU tasks with no task inputs) are what add results without consuming any.
 * Those with a narrow consumer (one that takes at most the bound's number of task inputs: holding
 * sources back can help it) are held sources, marked TaskEntry.HeldSource in Remaining (they never
 * wait) and taken after every other initially ready task.
 *
 * Invariants:
 *  - Held = held sources taken - held sources released (running, or waiting for consumers).
 *  - Before a worker starts (or hands to an executor) another held source it asks StandsDown: past the
 *    bound (a few per worker) it gives its worker slot up, unless nothing else runs (WorkerSlots: another
 *    worker, or an attempt handed to an executor and not reported yet): a compute with ready tasks
 *    always has a worker or an attempt whose report wakes one. An executor's attempts are held back
 *    like the pool's: a source handed over holds its result until its consumers are reported. When the last one has to go on past the bound, the consumers are
 *    not at work (a fan-in that runs only at the end), so nobody holds back until a release shows
 *    consumers at work again (releasedWhenForced).
 *  - A release that brings Held under half the bound wakes one worker that stood down; forcing wakes all.
 *  - Sources feeding only a wide fan-in, or nothing but the targets, and asynchronous sources (they hold
 *    no thread and no result while they wait) never hold anyone back.
 */
using System;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>Which sources may wait for their consumers, and the count of their held results that has workers stand down.</summary>
internal struct BackPressure
{
    /// <summary>Results of held sources that may wait for their consumers, per worker.</summary>
    internal const int HeldSourcesPerWorker = 4;

    private readonly int bound;
    private readonly int uncounted;

    /// <summary>Results of held sources released so far.</summary>
    private PaddedCounter released;

    /// <summary>Workers that gave their slot up rather than start another source, until woken.</summary>
    private int standingDown;

    /// <summary>
    /// <c>released</c> when the last worker had to start a source past the bound: until more are released,
    /// no worker holds back. At first none: consumers are presumed at work (a fold's first combine may run
    /// long before it releases anything, or its other input may still be running).
    /// </summary>
    private int releasedWhenForced;

    /// <param name="workers">The compute's worker slots: the bound is a few held results per worker.</param>
    /// <param name="plan">The plan, whose sources <see cref="OrderSources"/> ordered.</param>
    internal BackPressure(int workers, ComputePlan plan)
    {
        bound = Bound(workers);
        uncounted = plan.InitiallyUncountedCount;
        releasedWhenForced = -1;
    }

    /// <summary>How many initially ready tasks (the first ones) back-pressure leaves alone.</summary>
    internal readonly int Uncounted => uncounted;

    /// <summary>The bound on held results for <paramref name="workers"/> workers.</summary>
    internal static int Bound(int workers) => HeldSourcesPerWorker * workers;

    /// <summary>
    /// Orders the plan's sources: asynchronous ones first, then synchronous ones without a narrow consumer,
    /// then the held ones (marked <see cref="TaskEntry.HeldSource"/>), each group in slot order. A consumer
    /// with at most <see cref="Bound"/> task inputs is narrow.
    /// </summary>
    internal static void OrderSources(ComputePlan plan, int workers)
    {
        int narrowInputs = Bound(workers);
        TaskEntry[] tasks = plan.Table.Tasks;
        int[] ready = plan.InitiallyReady;
        int count = plan.InitiallyReadyCount;
        int[] held = PooledArrays.Rent<int>(count);
        int uncountedHere = 0;
        int heldCount = 0;
        for (int i = 0; i < count; i++)
        {
            int slot = ready[i];
            if (HasNarrowConsumer(plan.Table, slot, narrowInputs))
            {
                tasks[slot].Remaining = TaskEntry.HeldSource;
                held[heldCount++] = slot;
            }
            else
            {
                ready[uncountedHere++] = slot;
            }
        }

        Array.Copy(held, 0, ready, uncountedHere, heldCount);
        PooledArrays.Return(ref held, 0);
        int awaited = plan.AwaitedSources?.Count ?? 0;
        if (awaited > 0)
        {
            PooledArrays.Grow(ref plan.InitiallyReady, count, count + awaited);
            ready = plan.InitiallyReady;
            Array.Copy(ready, 0, ready, awaited, count);
            plan.AwaitedSources!.CopyTo(ready, 0);
        }

        plan.InitiallyReadyCount = count + awaited;
        plan.InitiallyUncountedCount = awaited + uncountedHere;
    }

    /// <summary>
    /// Asked before a worker starts another held source, <paramref name="taken"/> initially ready tasks having been taken:
    /// <see langword="true"/> when the worker stood down (its slot given up). <paramref name="wakeAll"/>:
    /// the last worker had to go on, so every worker that stood down must be woken.
    /// </summary>
    internal bool StandsDown(ref WorkerSlots slots, int taken, out bool wakeAll)
    {
        wakeAll = false;
        int releasedNow = Volatile.Read(ref released.Value);
        if (Held(taken, releasedNow) <= bound || releasedNow == Volatile.Read(ref releasedWhenForced))
        {
            return false;
        }

        // Counted before the slot goes: the report of the last running attempt, which ends running right
        // after, then sees this worker and wakes it (see WorkerSlots).
        Interlocked.Increment(ref standingDown);
        if (slots.TryStandDown())
        {
            return true;
        }

        // Nothing else runs. Taking the count back fails only when a report or a release woke a worker in between: this one goes on all the same.
        TryWake();
        Volatile.Write(ref releasedWhenForced, releasedNow);
        wakeAll = true;
        return false;
    }

    /// <summary>Counts <paramref name="count"/> released results of held sources; <see langword="true"/> when a worker that stood down should be woken.</summary>
    internal bool Released(int count, int taken)
    {
        int releasedNow = Interlocked.Add(ref released.Value, count);
        return Volatile.Read(ref standingDown) != 0 && Held(taken, releasedNow) <= bound / 2;
    }

    /// <summary>Takes one worker off the standing-down count; <see langword="false"/> when none stands down.</summary>
    internal bool TryWake()
    {
        int count = Volatile.Read(ref standingDown);
        while (count > 0)
        {
            int seen = Interlocked.CompareExchange(ref standingDown, count - 1, count);
            if (seen == count)
            {
                return true;
            }

            count = seen;
        }

        return false;
    }

    /// <summary>Results of held sources started and not yet released.</summary>
    private readonly int Held(int taken, int releasedNow) => taken - uncounted - releasedNow;

    private static bool HasNarrowConsumer(TaskTable table, int slot, int narrowInputs)
    {
        TaskEntry[] tasks = table.Tasks;
        int[] consumers = table.Consumers;
        for (int i = tasks[slot].ConsumerStart; i < tasks[slot + 1].ConsumerStart; i++)
        {
            int entry = consumers[i];

            // Planning leaves a consumer's Remaining at its number of task inputs.
            if (tasks[entry < 0 ? ~entry : entry].Remaining <= narrowInputs)
            {
                return true;
            }
        }

        return false;
    }
}

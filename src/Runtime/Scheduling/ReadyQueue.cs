/*
 * The ready queue of one compute: tasks whose inputs are all finished, waiting for a worker.
 *
 * Invariants:
 *  - Two parts. The initially ready tasks (the plan's sources, in the order back-pressure chose) are
 *    taken with a cursor that only grows; it may pass their count (a take past the end finds nothing), so
 *    the number taken is min(cursor, count). Tasks made ready while computing go to an append-only array
 *    with room for every task: each task becomes ready once, so it never wraps and never needs to grow.
 *  - A push reserves a cell (tail grows) and then writes slot + 1 into it; 0 is "reserved, not written
 *    yet", which a taker waits out (a matter of instructions). A take advances head past a written cell.
 *  - Made-ready tasks are taken first: they are deeper in the graph, so their inputs are released sooner.
 *  - Takers take one task at a time: a task never waits behind a long one on a busy worker while
 *    another worker is free.
 * Any thread may push and take at once; the counters are padded so takers and pushers do not share a line.
 */
using System;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>The tasks of a compute ready to run: the initially ready ones, then those made ready as inputs finish.</summary>
internal struct ReadyQueue
{
    private readonly int[] initial;
    private readonly int initialCount;

    /// <summary>Tasks made ready while computing, as slot + 1 (0: reserved, not yet written); taken from <c>head</c>.</summary>
    private int[] madeReady;
    private PaddedCounter head;
    private PaddedCounter tail;
    private PaddedCounter cursor;

    /// <param name="initial">The initially ready tasks, the first <paramref name="initialCount"/> entries (the plan's array, not copied).</param>
    /// <param name="initialCount">How many are initially ready.</param>
    /// <param name="taskCount">How many tasks the compute has: room for every one to be made ready.</param>
    internal ReadyQueue(int[] initial, int initialCount, int taskCount)
    {
        this.initial = initial;
        this.initialCount = initialCount;
        madeReady = PooledArrays.Rent<int>(taskCount);
        Array.Clear(madeReady, 0, taskCount);
    }

    /// <summary>How many initially ready tasks have been taken (or are being taken).</summary>
    internal int InitialTaken => Math.Min(Volatile.Read(ref cursor.Value), initialCount);

    /// <summary>The position of the next initially ready task, or -1 when none is left.</summary>
    internal int NextInitial
    {
        get
        {
            int next = Volatile.Read(ref cursor.Value);
            return next < initialCount ? next : -1;
        }
    }

    /// <summary>Whether a task may be waiting (a racing take may still find none).</summary>
    internal bool HasAny
        => Volatile.Read(ref cursor.Value) < initialCount || Volatile.Read(ref head.Value) < Volatile.Read(ref tail.Value);

    /// <summary>Adds a task made ready while computing (each task at most once).</summary>
    internal void Push(int slot)
    {
        int cell = Interlocked.Increment(ref tail.Value) - 1;
        Volatile.Write(ref madeReady[cell], slot + 1);
    }

    /// <summary>Takes the oldest task made ready while computing.</summary>
    internal bool TryTakeMadeReady(out int slot)
    {
        while (true)
        {
            int taken = Volatile.Read(ref head.Value);
            if (taken >= Volatile.Read(ref tail.Value))
            {
                slot = -1;
                return false;
            }

            int cell = Volatile.Read(ref madeReady[taken]);
            if (cell == 0)
            {
                // Reserved by a thread that has not written it yet.
                Thread.SpinWait(1);
                continue;
            }

            if (Interlocked.CompareExchange(ref head.Value, taken + 1, taken) == taken)
            {
                slot = cell - 1;
                return true;
            }
        }
    }

    /// <summary>Takes the next initially ready task.</summary>
    internal bool TryTakeInitial(out int slot)
    {
        int index = Interlocked.Increment(ref cursor.Value) - 1;
        slot = index < initialCount ? initial[index] : -1;
        return slot >= 0;
    }

    /// <summary>Gives the array back; only once nothing can push or take any more.</summary>
    internal void Return() => PooledArrays.Return(ref madeReady, 0);
}

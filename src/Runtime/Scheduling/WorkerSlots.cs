/*
 * Worker slots of one compute: how many workers may run its CPU tasks at once.
 *
 * Invariants:
 *  - Claimed (workers) never exceeds the limit. Whoever claims a slot starts a worker for it (a pool work
 *    item, or the calling thread) or gives it back; blocking threads and awaits hold none.
 *  - Running counts workers inside their loop (at most Claimed: a claimed worker may still wait in the
 *    pool's queue, behind the very tasks that wait for this compute) and attempts handed to an executor
 *    that have not been reported: both go on with the compute.
 *  - A worker stands down (back-pressure) only while something else is running: the last running worker
 *    always goes on, and the report that ends the last running attempt wakes a worker that stood down,
 *    so a compute with ready tasks always has a worker or an attempt whose report brings one.
 */
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>Claims and counts of the workers that run a compute's CPU tasks.</summary>
internal struct WorkerSlots
{
    private readonly int limit;
    private int claimed;
    private int running;

    /// <param name="limit">The most workers at once (the compute's degree of parallelism).</param>
    internal WorkerSlots(int limit) => this.limit = limit;

    /// <summary>The most workers at once.</summary>
    internal readonly int Limit => limit;

    /// <summary>Claims a slot when one is free.</summary>
    internal bool TryClaim()
    {
        int count = Volatile.Read(ref claimed);
        while (count < limit)
        {
            int seen = Interlocked.CompareExchange(ref claimed, count + 1, count);
            if (seen == count)
            {
                return true;
            }

            count = seen;
        }

        return false;
    }

    /// <summary>Gives a claimed slot back.</summary>
    internal void Release() => Interlocked.Decrement(ref claimed);

    /// <summary>A worker holding a slot enters its loop, or an attempt is handed to an executor.</summary>
    internal void BeginRunning() => Interlocked.Increment(ref running);

    /// <summary>A worker leaves its loop (its slot given back separately), or a handed-over attempt was reported; <see langword="true"/> when nothing runs any more.</summary>
    internal bool EndRunning() => Interlocked.Decrement(ref running) == 0;

    /// <summary>Gives up the caller's running count and slot, unless it is the last running worker.</summary>
    internal bool TryStandDown()
    {
        int count = Volatile.Read(ref running);
        while (count > 1)
        {
            int seen = Interlocked.CompareExchange(ref running, count - 1, count);
            if (seen == count)
            {
                Interlocked.Decrement(ref claimed);
                return true;
            }

            count = seen;
        }

        return false;
    }
}

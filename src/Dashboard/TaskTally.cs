using System.Collections.Generic;
using System.Threading;

namespace TaskGraph.Dashboard;

/// <summary>
/// The tasks of one compute too big to draw that the callbacks counted instead of recording (see
/// <see cref="TaskSampler"/>): per thread and per progress row, so that a callback writes only its own thread's
/// counters and reads no clock. The push loop adds them to what it applied from the recorded events.
/// </summary>
/// <remarks>
/// The rows are the compute's <see cref="ComputeGraph"/> rows, copied when the compute starts and only read
/// afterwards, so callbacks on every thread look them up without a lock.
/// </remarks>
internal sealed class TaskTally
{
    private readonly Dictionary<DelayedMethod, int> rows;
    private readonly int collectionRow;
    private readonly Dictionary<int, ThreadTally> threads = new();

    internal TaskTally(ComputeGraph graph, Dictionary<DelayedMethod, int> rows, int collectionRow, int rowCount)
    {
        Graph = graph;
        this.rows = rows;
        this.collectionRow = collectionRow;
        RowCount = rowCount;
    }

    /// <summary>The compute's rows, made when it started; the push loop's alone (its view adopts it).</summary>
    internal ComputeGraph Graph { get; }

    internal int RowCount { get; }

    /// <summary>The progress row of <paramref name="method"/>'s tasks; -1 when the compute's counts did not name it (its events are then recorded).</summary>
    internal int RowOf(DelayedMethod? method) => method is null ? collectionRow : rows.TryGetValue(method, out int row) ? row : -1;

    /// <summary>The calling thread's counters (one set per thread, however often it comes back to this compute).</summary>
    internal ThreadTally OfThisThread()
    {
        lock (threads)
        {
            int thread = System.Environment.CurrentManagedThreadId;
            if (!threads.TryGetValue(thread, out ThreadTally? own))
            {
                own = new ThreadTally(this);
                threads.Add(thread, own);
            }

            return own;
        }
    }

    /// <summary>How many counted tasks of <paramref name="row"/> started and how many finished, over every thread.</summary>
    internal (int Started, int Finished) Sum(int row)
    {
        // Finished first: a task counted as finished was counted as started before, so the difference is never negative.
        int started = 0;
        int finished = 0;
        lock (threads)
        {
            foreach (ThreadTally own in threads.Values)
            {
                finished += Volatile.Read(ref own.Finished[row]);
            }

            foreach (ThreadTally own in threads.Values)
            {
                started += Volatile.Read(ref own.Started[row]);
            }
        }

        return (started, finished);
    }
}

/// <summary>One thread's counters of a <see cref="TaskTally"/>: written by that thread alone, read by the push loop.</summary>
internal sealed class ThreadTally
{
    internal ThreadTally(TaskTally tally)
    {
        Tally = tally;
        Started = new int[tally.RowCount];
        Finished = new int[tally.RowCount];
    }

    internal TaskTally Tally { get; }

    internal int[] Started { get; }

    internal int[] Finished { get; }

    internal void CountStart(int row) => Volatile.Write(ref Started[row], Started[row] + 1);

    internal void CountFinish(int row) => Volatile.Write(ref Finished[row], Finished[row] + 1);
}

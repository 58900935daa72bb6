using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TaskGraph.Dashboard;

/// <summary>
/// One thread's choice, for computes too big to draw, of which tasks it records for the task stream and which it
/// only counts (<see cref="TaskTally"/>). Reading the clock costs about 30 ns, and a recorded task needs two reads
/// and the push loop's work on top; tasks that come faster than one per <see cref="DashboardOptions.SampleSpacing"/>
/// on a thread are recorded one in so many that the recorded ones are that far apart, and the rest counted. Slower
/// tasks are all recorded, and a drawn compute's tasks always are (the picture shows each one).
/// </summary>
/// <remarks>
/// A counted task started and finished on this thread: <see cref="open"/> is the task it counted a start for last.
/// A task that finishes elsewhere (an asynchronous one) or after another started here has its end recorded; the
/// push loop then finds no recorded start for it and takes it as counted (<see cref="ComputeView"/>).
/// </remarks>
internal sealed class TaskSampler
{
    /// <summary>The most tasks one recorded task stands for, so that even the fastest stream shows its lanes.</summary>
    internal const int MaxOneIn = 1024;

    private readonly long spacing;
    private readonly ConcurrentDictionary<long, TaskTally> tallies;

    // The compute this thread saw last, and its counters here (null: drawn, every event recorded).
    private long computeId = -1;
    private ThreadTally? counts;
    private DelayedMethod? lastMethod;
    private int lastRow = -1;

    // The task whose start was counted here last, in which compute (one node can be a task of several at once).
    private DelayedNode? open;
    private long openComputeId;
    private ThreadTally? openCounts;
    private int openRow;

    // Starts left before the next recorded one, out of oneIn since the last; when that one was.
    private int countdown;
    private int oneIn = 1;
    private long lastSample;

    internal TaskSampler(TimeSpan spacing, ConcurrentDictionary<long, TaskTally> tallies)
    {
        this.spacing = (long)(spacing.TotalSeconds * Stopwatch.Frequency);
        this.tallies = tallies;
    }

    /// <summary>Whether this is the sampler of the dashboard whose counters are <paramref name="dashboardTallies"/>.</summary>
    internal bool Serves(ConcurrentDictionary<long, TaskTally> dashboardTallies) => ReferenceEquals(tallies, dashboardTallies);

    /// <summary>
    /// Counts <paramref name="task"/>'s start and returns 0, or returns the timestamp to record it with: a drawn
    /// compute's task, a task whose method the counts do not name, or this thread's next sample.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long CountStart(ComputeInfo compute, DelayedNode task)
    {
        if (!Counts(compute))
        {
            return Stopwatch.GetTimestamp();
        }

        int row = RowOf(task.Method);
        if (--countdown > 0 && row >= 0)
        {
            counts!.CountStart(row);
            open = task;
            openComputeId = computeId;
            openRow = row;
            if (!ReferenceEquals(openCounts, counts))
            {
                // Written only when it changes: each reference write into the heap costs a write barrier.
                openCounts = counts;
            }

            return 0;
        }

        // The starts since the last recorded one were oneIn at most (fewer when a method the counts do not name came first).
        long now = Stopwatch.GetTimestamp();
        countdown = oneIn = OneIn(now - lastSample, oneIn, spacing);
        (lastSample, open) = (now, null);
        return now;
    }

    /// <summary>Counts <paramref name="task"/>'s end when its start in <paramref name="compute"/> was counted on this thread; false when its end is to be recorded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool CountFinish(ComputeInfo compute, DelayedNode task)
    {
        if (!ReferenceEquals(open, task) || openComputeId != compute.Id)
        {
            return false;
        }

        open = null;
        openCounts!.CountFinish(openRow);
        return true;
    }

    /// <summary>Drops <paramref name="task"/> as this thread's open counted task (it failed or is retried: its end is recorded).</summary>
    internal void Forget(DelayedNode task)
    {
        if (ReferenceEquals(open, task))
        {
            open = null;
        }
    }

    /// <summary>
    /// Drops the open task when it belongs to the finished compute <paramref name="id"/>, so that an idle thread holds
    /// no graph alive. Called from another thread: a race only makes this thread record an end it could have counted.
    /// </summary>
    internal void Release(long id)
    {
        if (openComputeId == id)
        {
            open = null;
        }
    }

    /// <summary>
    /// One recorded task in how many: the thread's time per task since its last sample, against the spacing wanted
    /// between samples (an idle thread's long gap gives 1: its next task is recorded too).
    /// </summary>
    internal static int OneIn(long elapsed, int starts, long spacing)
    {
        long perTask = Math.Max(1, elapsed / Math.Max(1, starts));
        return (int)Math.Clamp(spacing / perTask, 1, MaxOneIn);
    }

    private bool Counts(ComputeInfo compute)
    {
        if (compute.Id != computeId)
        {
            computeId = compute.Id;
            counts = tallies.TryGetValue(compute.Id, out TaskTally? tally) ? tally.OfThisThread() : null;
            lastMethod = null;
            lastRow = -1;
        }

        return counts is not null;
    }

    // Consecutive tasks mostly call the same method: the last one is checked before the dictionary.
    private int RowOf(DelayedMethod? method)
    {
        if (method is null || !ReferenceEquals(method, lastMethod))
        {
            (lastMethod, lastRow) = (method, counts!.Tally.RowOf(method));
        }

        return lastRow;
    }
}

using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TaskGraph.Scheduling;

/// <summary>
/// One worker's choice of which of its tasks the sampling observers hear of one by one
/// (<see cref="IComputeObserver.SampleSpacing"/>) and which they only hear counted. Reading the clock costs about
/// 30 ns and a callback about as much again, against tasks of 100 ns: a worker reads the clock only for the tasks it
/// tells, one in so many, so that they are the spacing apart, and counts the rest per method. Slower tasks are all
/// told, and a worker's first task after a pause is told too (its gap gives one in one).
/// </summary>
/// <remarks>
/// A local of the worker's loop, so that pacing takes no shared write and no thread-static lookup. The counted tasks
/// of a run of one method are reported in one callback (<see cref="ComputeNotifier.TasksCompleted"/>) when the method
/// changes, every <see cref="MaxOneIn"/> of them (a long chain), and before the worker reports its finished tasks to
/// the compute (every 64 in the worker's loop), so that they are all reported before the compute can finish.
/// </remarks>
internal struct TaskPace
{
    /// <summary>The most tasks one told task stands for, so that even the fastest stream shows its workers.</summary>
    internal const int MaxOneIn = 1024;

    // Starts left before the next told one, out of oneIn since the last; when that one was.
    private int countdown;
    private int oneIn;
    private long lastTold;

    // Completed tasks counted and not reported yet, all of one method.
    private DelayedMethod? countedMethod;
    private int counted;

    /// <summary>Whether the sampling observers are kept from the next task (it is counted if it completes at once); <see langword="false"/>: it is told.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool CountsNext(long spacing)
    {
        if (--countdown > 0)
        {
            return true;
        }

        Pace(spacing);
        return false;
    }

    /// <summary>Sets how many tasks to count before the next told one, from the time per task since the last told one.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Pace(long spacing)
    {
        long now = Stopwatch.GetTimestamp();
        countdown = oneIn = OneIn(now - lastTold, Math.Max(1, oneIn), spacing);
        lastTold = now;
    }

    /// <summary>Counts a completed task that the sampling observers were not told of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Count(DelayedMethod? method, ComputeNotifier notifier)
    {
        if (counted > 0 && (!ReferenceEquals(method, countedMethod) || counted == MaxOneIn))
        {
            Report(notifier);
        }

        countedMethod = method;
        counted++;
    }

    /// <summary>Reports the counted tasks to the sampling observers.</summary>
    internal void Report(ComputeNotifier? notifier)
    {
        if (counted > 0)
        {
            notifier!.TasksCompleted(countedMethod, counted);
            (countedMethod, counted) = (null, 0);
        }
    }

    /// <summary>
    /// One told task in how many: the worker's time per task since its last told one, against the spacing wanted
    /// between told ones (an idle worker's long gap gives 1: its next task is told too).
    /// </summary>
    internal static int OneIn(long elapsed, int starts, long spacing)
    {
        long perTask = Math.Max(1, elapsed / Math.Max(1, starts));
        return (int)Math.Clamp(spacing / perTask, 1, MaxOneIn);
    }
}

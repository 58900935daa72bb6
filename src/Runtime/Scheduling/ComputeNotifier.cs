using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// Tells a compute's observers and progress callback what happens. Exists only when there is someone to
/// tell, so a compute without observers pays nothing. A callback that throws fails the compute: the
/// exception is handed to the compute's stop callback (<see cref="ComputeLifetime.StopWith"/> for the core), which stops the compute like a failing
/// task (nothing new starts, running tasks see cancellation and are waited for) and ends it with an
/// <see cref="InvalidOperationException"/> carrying the callback's exception. Every other observer is
/// still called, and <see cref="IComputeObserver.OnComputeFinished"/> still fires.
/// </summary>
internal sealed class ComputeNotifier
{
    /// <summary>The longest <see cref="IComputeObserver.SampleSpacing"/> an observer may ask for.</summary>
    internal static readonly TimeSpan MaxSpacing = TimeSpan.FromSeconds(1);

    private readonly Action<Exception> stop;
    private readonly ComputeInfo info;
    // An array, not the options' list: a foreach over an interface allocates an enumerator per task event.
    private readonly IComputeObserver[] observers;
    private readonly IProgress<ComputeProgress>? progress;

    // Set when the compute starts (SplitBySpacing): the observers told of every task's start and end, those told of a
    // sample (see TaskPace), the least time between two tasks a worker tells those of (Stopwatch ticks), and whether a
    // counted task concerns nobody else (no other observer, no progress callback).
    private IComputeObserver[] everyTask;
    private IComputeObserver[] sampling = [];
    private long spacing;
    private bool countedGoUntold;
    private int running;
    private int done;
    private int failed;
    private int reused;

    /// <summary>A notifier; only where <see cref="IsWanted"/> (a compute without observers pays nothing, not even this object).</summary>
    /// <param name="stop">Stops the compute with a callback's failure.</param>
    /// <param name="info">The compute, as observers see it.</param>
    /// <param name="options">The compute's observers and progress callback.</param>
    internal ComputeNotifier(Action<Exception> stop, ComputeInfo info, ComputeOptions options)
    {
        this.stop = stop;
        this.info = info;
        observers = [.. options.Observers];
        everyTask = observers;
        progress = options.Progress;
    }

    /// <summary>Whether <paramref name="options"/> ask for any notification.</summary>
    internal static bool IsWanted(ComputeOptions options) => options.Observers.Count != 0 || options.Progress is not null;

    internal void ComputeStarted()
    {
        SplitBySpacing();
        foreach (IComputeObserver observer in observers)
        {
            try
            {
                observer.OnComputeStarted(info);
            }
            catch (Exception exception)
            {
                stop(Describe(observer, nameof(IComputeObserver.OnComputeStarted), exception));
            }
        }

        Report();
    }

    /// <summary>
    /// Whether the sampling observers are kept from <paramref name="task"/>, which a worker is about to run (see
    /// <see cref="TaskPace"/>): then everyone else is told of its start here, and its end, if it completes at once, goes
    /// to <see cref="CountCompleted"/>. <see langword="false"/>: tell everyone with <see cref="TaskStarted(DelayedNode)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool CountsStart(DelayedNode task, ref TaskPace pace)
    {
        if (sampling.Length == 0 || !pace.CountsNext(spacing))
        {
            return false;
        }

        if (!countedGoUntold)
        {
            TaskStarted(task, counted: true);
        }

        return true;
    }

    /// <summary>A task that <see cref="CountsStart"/> kept from the sampling observers completed at once: it is counted for them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void CountCompleted(DelayedNode task, ref TaskPace pace)
    {
        pace.Count(task.Method, this);
        if (!countedGoUntold)
        {
            TaskCompleted(task, counted: true);
        }
    }

    /// <summary>A task is about to run.</summary>
    internal void TaskStarted(DelayedNode task) => TaskStarted(task, counted: false);

    /// <summary>A task that <see cref="CountsStart"/> kept from the sampling observers awaits or failed after all: they are told of its start, so that they hear of its end as everyone does.</summary>
    internal void TellSampling(DelayedNode task) => Started(sampling, task);

    /// <summary>A task completed.</summary>
    internal void TaskCompleted(DelayedNode task) => TaskCompleted(task, counted: false);

    /// <summary><paramref name="count"/> tasks of <paramref name="method"/> completed without the sampling observers being told.</summary>
    internal void TasksCompleted(DelayedMethod? method, int count)
    {
        foreach (IComputeObserver observer in sampling)
        {
            try
            {
                observer.OnTasksCompleted(info, method, count);
            }
            catch (Exception exception)
            {
                stop(Describe(observer, nameof(IComputeObserver.OnTasksCompleted), exception));
            }
        }
    }

    internal void TaskReused(DelayedNode task)
    {
        Count(ref done, 1);
        Count(ref reused, 1);
        foreach (IComputeObserver observer in observers)
        {
            try
            {
                observer.OnTaskReused(info, task);
            }
            catch (Exception exception)
            {
                stop(Describe(observer, nameof(IComputeObserver.OnTaskReused), exception));
            }
        }

        Report();
    }

    internal void TaskFailed(DelayedNode task, Exception taskException)
    {
        Count(ref failed, 1);
        Count(ref running, -1);
        foreach (IComputeObserver observer in observers)
        {
            try
            {
                observer.OnTaskFailed(info, task, taskException);
            }
            catch (Exception exception)
            {
                stop(Describe(observer, nameof(IComputeObserver.OnTaskFailed), exception));
            }
        }

        Report();
    }

    internal void TaskRetrying(DelayedNode task, Exception attemptException, int attempt, TimeSpan delay)
    {
        Count(ref running, -1);
        foreach (IComputeObserver observer in observers)
        {
            try
            {
                observer.OnTaskRetrying(info, task, attemptException, attempt, delay);
            }
            catch (Exception exception)
            {
                stop(Describe(observer, nameof(IComputeObserver.OnTaskRetrying), exception));
            }
        }

        Report();
    }

    /// <summary>Tells everyone the compute ended. Returns the first callback failure (the compute then fails with it), or <see langword="null"/>.</summary>
    internal Exception? ComputeFinished(ComputeStatus status, Exception? computeException)
    {
        Exception? firstFailure = null;
        foreach (IComputeObserver observer in observers)
        {
            try
            {
                observer.OnComputeFinished(info, status, computeException);
            }
            catch (Exception exception)
            {
                firstFailure ??= Describe(observer, nameof(IComputeObserver.OnComputeFinished), exception);
            }
        }

        try
        {
            progress?.Report(Snapshot());
        }
        catch (Exception exception)
        {
            firstFailure ??= DescribeProgress(exception);
        }

        return firstFailure;
    }

    /// <summary>Asks each observer how far apart the tasks it hears of are to be, and splits them into those told of every task and those told of a sample.</summary>
    private void SplitBySpacing()
    {
        var wantsEvery = new List<IComputeObserver>(observers.Length);
        var samples = new List<IComputeObserver>();
        long shortest = long.MaxValue;
        foreach (IComputeObserver observer in observers)
        {
            TimeSpan wanted = TimeSpan.Zero;
            try
            {
                wanted = observer.SampleSpacing(info);
            }
            catch (Exception exception)
            {
                stop(Describe(observer, nameof(IComputeObserver.SampleSpacing), exception));
            }

            if (wanted < TimeSpan.Zero || wanted > MaxSpacing)
            {
                stop(new InvalidOperationException($"The compute observer {observer.GetType().FullName} asked for a sample spacing of {wanted}: it must be between zero and {MaxSpacing}."));
                wanted = TimeSpan.Zero;
            }

            if (wanted == TimeSpan.Zero)
            {
                wantsEvery.Add(observer);
                continue;
            }

            samples.Add(observer);
            shortest = Math.Min(shortest, Math.Max(1, (long)(wanted.TotalSeconds * Stopwatch.Frequency)));
        }

        (everyTask, sampling) = (wantsEvery.ToArray(), samples.ToArray());
        countedGoUntold = everyTask.Length == 0 && progress is null;
        spacing = samples.Count == 0 ? 0 : shortest;
    }

    /// <summary>A task is about to run; <paramref name="counted"/>: the sampling observers are not told (<see cref="CountsStart"/>).</summary>
    private void TaskStarted(DelayedNode task, bool counted)
    {
        Count(ref running, 1);
        if (everyTask.Length != 0)
        {
            Started(everyTask, task);
        }

        if (!counted && sampling.Length != 0)
        {
            Started(sampling, task);
        }

        Report();
    }

    /// <summary>A task completed; <paramref name="counted"/>: the sampling observers were not told of it (<see cref="CountCompleted"/>).</summary>
    private void TaskCompleted(DelayedNode task, bool counted)
    {
        Count(ref done, 1);
        Count(ref running, -1);
        if (everyTask.Length != 0)
        {
            Completed(everyTask, task);
        }

        if (!counted && sampling.Length != 0)
        {
            Completed(sampling, task);
        }

        Report();
    }

    private void Started(IComputeObserver[] group, DelayedNode task)
    {
        foreach (IComputeObserver observer in group)
        {
            try
            {
                observer.OnTaskStarted(info, task);
            }
            catch (Exception exception)
            {
                stop(Describe(observer, nameof(IComputeObserver.OnTaskStarted), exception));
            }
        }
    }

    private void Completed(IComputeObserver[] group, DelayedNode task)
    {
        foreach (IComputeObserver observer in group)
        {
            try
            {
                observer.OnTaskCompleted(info, task);
            }
            catch (Exception exception)
            {
                stop(Describe(observer, nameof(IComputeObserver.OnTaskCompleted), exception));
            }
        }
    }

    // A method with a handler is never inlined: the check is apart, so that without a callback an event costs no call.
    private void Report()
    {
        if (progress is not null)
        {
            ReportTo(progress);
        }
    }

    private void ReportTo(IProgress<ComputeProgress> callback)
    {
        try
        {
            callback.Report(Snapshot());
        }
        catch (Exception exception)
        {
            stop(DescribeProgress(exception));
        }
    }

    /// <summary>
    /// Moves one of the progress counts. Only a progress callback reads them, so without one nothing is counted:
    /// three interlocked writes per task on a line every worker shares cost about as much as a ~100 ns task (an
    /// observer that implements nothing made the wide 100,000 graph 1.79x slower; 1.25x without the counts,
    /// benchmarks/TaskGraph.Benchmarks/DashboardBenchmarks.cs).
    /// </summary>
    private void Count(ref int counter, int change)
    {
        if (progress is not null)
        {
            Interlocked.Add(ref counter, change);
        }
    }

    private ComputeProgress Snapshot()
        => new(info.TaskCount, Volatile.Read(ref done), Volatile.Read(ref running), Volatile.Read(ref failed), Volatile.Read(ref reused));

    private static InvalidOperationException Describe(IComputeObserver observer, string callback, Exception exception)
        => new($"The compute observer {observer.GetType().FullName} threw in {callback}: {ExceptionText.MessageOf(exception)}", exception);

    private static InvalidOperationException DescribeProgress(Exception exception)
        => new($"The compute's progress callback threw: {ExceptionText.MessageOf(exception)}", exception);
}

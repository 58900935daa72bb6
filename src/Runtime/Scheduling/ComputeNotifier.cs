using System;
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
    private readonly Action<Exception> stop;
    private readonly ComputeInfo info;
    // An array, not the options' list: a foreach over an interface allocates an enumerator per task event.
    private readonly IComputeObserver[] observers;
    private readonly IProgress<ComputeProgress>? progress;
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
        progress = options.Progress;
    }

    /// <summary>Whether <paramref name="options"/> ask for any notification.</summary>
    internal static bool IsWanted(ComputeOptions options) => options.Observers.Count != 0 || options.Progress is not null;

    internal void ComputeStarted()
    {
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

    internal void TaskStarted(DelayedNode task)
    {
        Count(ref running, 1);
        foreach (IComputeObserver observer in observers)
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

        Report();
    }

    internal void TaskCompleted(DelayedNode task)
    {
        Count(ref done, 1);
        Count(ref running, -1);
        foreach (IComputeObserver observer in observers)
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

        Report();
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

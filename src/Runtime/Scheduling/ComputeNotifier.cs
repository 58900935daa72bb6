using System;
using System.Collections.Generic;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// Tells a compute's observers and progress callback what happens. Exists only when there is someone to
/// tell, so a compute without observers pays nothing. A callback that throws fails the compute: the
/// exception is handed to <see cref="Computation.StopWith"/>, which stops the compute like a failing
/// task (nothing new starts, running tasks see cancellation and are waited for) and ends it with an
/// <see cref="InvalidOperationException"/> carrying the callback's exception. Every other observer is
/// still called, and <see cref="IComputeObserver.OnComputeFinished"/> still fires.
/// </summary>
internal sealed class ComputeNotifier
{
    private readonly Computation owner;
    private readonly ComputeInfo info;
    private readonly IReadOnlyList<IComputeObserver> observers;
    private readonly IProgress<ComputeProgress>? progress;
    private int running;
    private int done;
    private int failed;

    private ComputeNotifier(Computation owner, ComputeInfo info, IReadOnlyList<IComputeObserver> observers, IProgress<ComputeProgress>? progress)
    {
        this.owner = owner;
        this.info = info;
        this.observers = observers;
        this.progress = progress;
    }

    /// <summary>A notifier, or <see langword="null"/> when the options ask for no notifications.</summary>
    internal static ComputeNotifier? Create(Computation owner, ComputeInfo info, ComputeOptions options)
        => options.Observers.Count == 0 && options.Progress is null
            ? null
            : new ComputeNotifier(owner, info, options.Observers, options.Progress);

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
                owner.StopWith(Describe(observer, nameof(IComputeObserver.OnComputeStarted), exception));
            }
        }

        Report();
    }

    internal void TaskStarted(DelayedNode task)
    {
        Interlocked.Increment(ref running);
        foreach (IComputeObserver observer in observers)
        {
            try
            {
                observer.OnTaskStarted(info, task);
            }
            catch (Exception exception)
            {
                owner.StopWith(Describe(observer, nameof(IComputeObserver.OnTaskStarted), exception));
            }
        }

        Report();
    }

    internal void TaskCompleted(DelayedNode task)
    {
        Interlocked.Increment(ref done);
        Interlocked.Decrement(ref running);
        foreach (IComputeObserver observer in observers)
        {
            try
            {
                observer.OnTaskCompleted(info, task);
            }
            catch (Exception exception)
            {
                owner.StopWith(Describe(observer, nameof(IComputeObserver.OnTaskCompleted), exception));
            }
        }

        Report();
    }

    internal void TaskFailed(DelayedNode task, Exception taskException)
    {
        Interlocked.Increment(ref failed);
        Interlocked.Decrement(ref running);
        foreach (IComputeObserver observer in observers)
        {
            try
            {
                observer.OnTaskFailed(info, task, taskException);
            }
            catch (Exception exception)
            {
                owner.StopWith(Describe(observer, nameof(IComputeObserver.OnTaskFailed), exception));
            }
        }

        Report();
    }

    internal void TaskRetrying(DelayedNode task, Exception attemptException, int attempt, TimeSpan delay)
    {
        Interlocked.Decrement(ref running);
        foreach (IComputeObserver observer in observers)
        {
            try
            {
                observer.OnTaskRetrying(info, task, attemptException, attempt, delay);
            }
            catch (Exception exception)
            {
                owner.StopWith(Describe(observer, nameof(IComputeObserver.OnTaskRetrying), exception));
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

    private void Report()
    {
        if (progress is null)
        {
            return;
        }

        try
        {
            progress.Report(Snapshot());
        }
        catch (Exception exception)
        {
            owner.StopWith(DescribeProgress(exception));
        }
    }

    private ComputeProgress Snapshot()
        => new(info.TaskCount, Volatile.Read(ref done), Volatile.Read(ref running), Volatile.Read(ref failed));

    private static InvalidOperationException Describe(IComputeObserver observer, string callback, Exception exception)
        => new($"The compute observer {observer.GetType().FullName} threw in {callback}: {ExceptionText.MessageOf(exception)}", exception);

    private static InvalidOperationException DescribeProgress(Exception exception)
        => new($"The compute's progress callback threw: {ExceptionText.MessageOf(exception)}", exception);
}

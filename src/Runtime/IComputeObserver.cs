using System;

namespace TaskGraph;

/// <summary>
/// Watches computes (dask's scheduler callbacks). Callbacks run on the thread that starts or finishes
/// the task and must be quick and thread-safe. <see cref="OnComputeFinished"/> always fires once the
/// compute started, whether it succeeded, failed or was cancelled.
/// </summary>
public interface IComputeObserver
{
    /// <summary>The compute has counted its tasks and is about to start the first.</summary>
    void OnComputeStarted(ComputeInfo compute)
    {
    }

    /// <summary>A task is about to run.</summary>
    void OnTaskStarted(ComputeInfo compute, DelayedNode task)
    {
    }

    /// <summary>A task finished successfully.</summary>
    void OnTaskCompleted(ComputeInfo compute, DelayedNode task)
    {
    }

    /// <summary>
    /// A task was not run: its result was found in the compute's result store (resumable computes) from an
    /// earlier compute of an equal task. It counts as done; no <see cref="OnTaskStarted"/> precedes it.
    /// </summary>
    void OnTaskReused(ComputeInfo compute, DelayedNode task)
    {
    }

    /// <summary>A task threw (or its asynchronous result faulted).</summary>
    void OnTaskFailed(ComputeInfo compute, DelayedNode task, Exception exception)
    {
    }

    /// <summary>
    /// An attempt of a task failed and the task will run again after <paramref name="delay"/>: it has
    /// retries left (<see cref="DelayedAttribute.Retries"/>, <see cref="ComputeOptions.Retries"/>). The next
    /// attempt is announced by <see cref="OnTaskStarted"/> again; <see cref="OnTaskFailed"/> fires only when
    /// the last attempt fails.
    /// </summary>
    /// <param name="compute">The compute.</param>
    /// <param name="task">The task.</param>
    /// <param name="exception">What the failed attempt threw (a <see cref="TaskTimeoutException"/> when it overran its timeout).</param>
    /// <param name="attempt">The failed attempt's number: 1 for the first run.</param>
    /// <param name="delay">The wait before the next attempt.</param>
    void OnTaskRetrying(ComputeInfo compute, DelayedNode task, Exception exception, int attempt, TimeSpan delay)
    {
    }

    /// <summary>The compute ended and no task of it is still running.</summary>
    /// <param name="compute">The compute.</param>
    /// <param name="status">How it ended.</param>
    /// <param name="exception">The exception the compute ends with; <see langword="null"/> when it succeeded.</param>
    void OnComputeFinished(ComputeInfo compute, ComputeStatus status, Exception? exception)
    {
    }
}

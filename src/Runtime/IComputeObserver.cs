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

    /// <summary>
    /// How far apart, on one worker, the tasks this observer hears of one by one are to be in
    /// <paramref name="compute"/>; asked once, before <see cref="OnComputeStarted"/>. <see cref="TimeSpan.Zero"/>
    /// (the default): every task. Longer: a worker whose tasks come faster tells this observer of one in so many
    /// (<see cref="OnTaskStarted"/> and its end, so that those are that far apart) and only counts the others, which
    /// it reports with <see cref="OnTasksCompleted"/>. A live view of a big compute then costs no callback per task,
    /// and its counts stay exact.
    /// </summary>
    /// <remarks>
    /// Only tasks that a worker runs to completion at once are counted. A task that awaits, fails, is retried, has a
    /// timeout, runs on a thread of its own or is handed to an executor is always told. With several sampling
    /// observers a compute paces its workers by the shortest spacing any of them asks for.
    /// </remarks>
    /// <param name="compute">The compute about to start.</param>
    /// <returns>The spacing: zero or more, at most a second.</returns>
    TimeSpan SampleSpacing(ComputeInfo compute) => TimeSpan.Zero;

    /// <summary>A task is about to run.</summary>
    void OnTaskStarted(ComputeInfo compute, DelayedNode task)
    {
    }

    /// <summary>A task finished successfully.</summary>
    void OnTaskCompleted(ComputeInfo compute, DelayedNode task)
    {
    }

    /// <summary>
    /// <paramref name="count"/> tasks of <paramref name="method"/> ran and completed on one worker without telling this
    /// observer one by one (its <see cref="SampleSpacing"/>): no <see cref="OnTaskStarted"/> or
    /// <see cref="OnTaskCompleted"/> fired for them. Every counted task is reported before <see cref="OnComputeFinished"/>.
    /// </summary>
    /// <param name="compute">The compute.</param>
    /// <param name="method">The tasks' method; <see langword="null"/> for collection nodes (<see cref="DelayedNode.Method"/>).</param>
    /// <param name="count">How many, at least one.</param>
    void OnTasksCompleted(ComputeInfo compute, DelayedMethod? method, int count)
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

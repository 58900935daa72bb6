using System;
using System.Collections.Generic;

namespace TaskGraph;

/// <summary>How a compute runs: scheduler, parallelism, retries and timeouts, progress and observers.</summary>
public sealed record ComputeOptions
{
    /// <summary>The longest retry delay or timeout: what the attribute's millisecond values can express.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>The defaults: parallel scheduler, one CPU task per core, no retries, no task timeout, no progress, no observers.</summary>
    public static ComputeOptions Default { get; } = new();

    /// <summary>The scheduler that runs the tasks. Default: <see cref="ComputeScheduler.Parallel"/>.</summary>
    public ComputeScheduler Scheduler { get; init; } = ComputeScheduler.Parallel;

    /// <summary>
    /// The most CPU tasks that run at once (blocking tasks, <see cref="DelayedAttribute.Blocking"/>, and
    /// awaiting asynchronous tasks do not count). Default: <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => maxDegreeOfParallelism;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            maxDegreeOfParallelism = value;
        }
    }

    private readonly int maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>
    /// How many times a failing task runs again before the compute fails, for tasks whose method sets no
    /// <see cref="DelayedAttribute.Retries"/> of its own. Default: 0 (the first failure ends the compute).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int Retries
    {
        get => retries;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            retries = value;
        }
    }

    private readonly int retries;

    /// <summary>
    /// The wait before a task's first retry, doubled for each further one, for tasks whose method sets no
    /// <see cref="DelayedAttribute.RetryDelayMilliseconds"/>. Default: <see cref="TimeSpan.Zero"/> (retry at once).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public TimeSpan RetryDelay
    {
        get => retryDelay;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, LongestWait);
            retryDelay = value;
        }
    }

    private readonly TimeSpan retryDelay;

    /// <summary>
    /// The longest a task may run, for tasks whose method sets no <see cref="DelayedAttribute.TimeoutMilliseconds"/>:
    /// an overrunning task's token is cancelled and the attempt fails with a <see cref="TaskTimeoutException"/>.
    /// Default: <see langword="null"/> (no limit).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive or is longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public TimeSpan? TaskTimeout
    {
        get => taskTimeout;
        init
        {
            if (value is { } timeout)
            {
                ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(TaskTimeout));
                ArgumentOutOfRangeException.ThrowIfGreaterThan(timeout, LongestWait, nameof(TaskTimeout));
            }

            taskTimeout = value;
        }
    }

    private readonly TimeSpan? taskTimeout;

    /// <summary>Receives a <see cref="ComputeProgress"/> when the compute starts, as tasks start and finish, and when it ends.</summary>
    public IProgress<ComputeProgress>? Progress { get; init; }

    /// <summary>
    /// Where results of <see cref="DelayedAttribute.Checkpoint"/> methods are kept as they finish and found again: a
    /// compute reuses the stored result of an equal call instead of running it (and what only it needed). Default:
    /// <see langword="null"/> (nothing is stored). The SQLite store is in the TaskGraph.Resume package; see <c>docs/resume.md</c>.
    /// </summary>
    public IResultStore? ResultStore { get; init; }

    /// <summary>Observers notified of the compute's start, each task's start and end, and the compute's finish.</summary>
    public IReadOnlyList<IComputeObserver> Observers { get; init; } = Array.Empty<IComputeObserver>();
}

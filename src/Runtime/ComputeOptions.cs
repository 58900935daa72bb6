using System;
using System.Collections.Generic;

namespace TaskGraph;

/// <summary>How a compute runs: scheduler, parallelism, progress and observers.</summary>
public sealed record ComputeOptions
{
    /// <summary>The defaults: parallel scheduler, one CPU task per core, no progress, no observers.</summary>
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

    /// <summary>Receives a <see cref="ComputeProgress"/> when the compute starts, as tasks start and finish, and when it ends.</summary>
    public IProgress<ComputeProgress>? Progress { get; init; }

    /// <summary>Observers notified of the compute's start, each task's start and end, and the compute's finish.</summary>
    public IReadOnlyList<IComputeObserver> Observers { get; init; } = Array.Empty<IComputeObserver>();
}

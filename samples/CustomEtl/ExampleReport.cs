using System;

namespace CustomEtl;

/// <summary>What one example measured: the same graph computed in parallel and sequentially.</summary>
/// <param name="Example">Which example.</param>
/// <param name="TaskCount">Tasks in the graph.</param>
/// <param name="Result">The best score (equal in both runs).</param>
/// <param name="SequentialResult">The best score of the sequential run.</param>
/// <param name="Parallel">Wall time of the parallel compute.</param>
/// <param name="Sequential">Wall time of the synchronous (one task at a time) compute.</param>
/// <param name="CriticalPath">The longest chain of measured task durations in the parallel run.</param>
public sealed record ExampleReport(
    EtlExample Example,
    int TaskCount,
    double Result,
    double SequentialResult,
    TimeSpan Parallel,
    TimeSpan Sequential,
    TimeSpan CriticalPath)
{
    /// <summary>Sequential time over parallel time.</summary>
    public double SpeedUp => Sequential / Parallel;

    /// <summary>Parallel time over the critical path: 1 is as fast as the graph allows.</summary>
    public double OverCriticalPath => Parallel / CriticalPath;
}

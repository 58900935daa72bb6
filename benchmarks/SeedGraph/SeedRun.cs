using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CustomEtl;
using TaskGraph;
using TaskGraph.Benchmarking;

namespace SeedGraph;

/// <summary>One parallel compute of the seed graph with default options, timed against its own critical path.</summary>
/// <param name="Variant">Which way of writing the tasks.</param>
/// <param name="Elapsed">Wall time of the compute (building the graph excluded).</param>
/// <param name="CriticalPath">The longest chain of this run's measured task durations.</param>
/// <param name="TotalWork">The sum of this run's measured task durations: the time of one task at a time.</param>
/// <param name="Tasks">Tasks that ran.</param>
/// <param name="Result">The best score.</param>
/// <param name="LoadAverage">The machine's one-minute load average after the run (NaN where /proc/loadavg is missing).</param>
/// <param name="Threads">Threads in the process after the run (blocking tasks add threads of their own).</param>
internal sealed record SeedRun(string Variant, TimeSpan Elapsed, TimeSpan CriticalPath, TimeSpan TotalWork, int Tasks, double Result, double LoadAverage, int Threads)
{
    /// <summary>Elapsed over the critical path: 1 is as fast as the graph allows.</summary>
    public double OverCriticalPath => Elapsed / CriticalPath;

    public static async Task<SeedRun> MeasureAsync(SeedVariant variant, EtlExample example, int seed, double timeScale, CancellationToken cancellationToken)
    {
        Delayed<double> best = variant.Build(example, seed, timeScale);
        var timings = new TaskTimings();
        var options = new ComputeOptions { Observers = new IComputeObserver[] { timings } };

        long start = Stopwatch.GetTimestamp();
        double result = await best.ComputeAsync(options, cancellationToken).ConfigureAwait(false);
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);

        using Process process = Process.GetCurrentProcess();
        return new SeedRun(
            variant.Name,
            elapsed,
            CustomEtl.CriticalPath.Of(best, timings.DurationOf),
            SumOfDurations(best, timings),
            timings.Count,
            result,
            Measure.LoadAverage(),
            process.Threads.Count);
    }

    private static TimeSpan SumOfDurations(DelayedNode target, TaskTimings timings)
    {
        var seen = new HashSet<DelayedNode>(ReferenceEqualityComparer.Instance) { target };
        var pending = new Stack<DelayedNode>(seen);
        TimeSpan sum = TimeSpan.Zero;
        while (pending.TryPop(out DelayedNode? node))
        {
            sum += timings.DurationOf(node);
            foreach (DelayedNode dependency in node.Dependencies)
            {
                if (seen.Add(dependency))
                {
                    pending.Push(dependency);
                }
            }
        }

        return sum;
    }
}

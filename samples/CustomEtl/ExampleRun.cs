using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;
using TaskGraph.Diagnostics;

namespace CustomEtl;

/// <summary>
/// Runs examples one after another, in parallel and then sequentially, with what the command line asked
/// to watch: task states for the picture, a trace and progress bars; keeps the graphs for the picture.
/// </summary>
internal sealed class ExampleRun
{
    private readonly CustomEtlOptions options;
    private readonly TextWriter? progress;
    private readonly ComputeScheduler parallel;
    private readonly List<(EtlExample Example, DelayedNode Target)> graphs = new();
    private readonly IComputeObserver? dashboard;

    /// <param name="cluster">The scheduler of the parallel runs when not this process's (<c>--cluster N</c>).</param>
    /// <param name="dashboard">The live dashboard that watches the parallel runs (<c>--dashboard</c>), if any.</param>
    internal ExampleRun(CustomEtlOptions options, TextWriter? progress, ComputeScheduler? cluster = null, IComputeObserver? dashboard = null)
    {
        this.options = options;
        this.progress = progress;
        parallel = cluster ?? ComputeScheduler.Parallel;
        this.dashboard = dashboard;
        Trace = options.Trace is null ? null : new ChromeTraceRecorder();
    }

    /// <summary>The states of the parallel runs' tasks (the sequential runs compute the same graphs again).</summary>
    internal GraphStateRecorder States { get; } = new();

    internal ChromeTraceRecorder? Trace { get; }

    /// <summary>Each example run so far, with its graph.</summary>
    internal IReadOnlyList<(EtlExample Example, DelayedNode Target)> Graphs => graphs;

    internal async Task<ExampleReport> RunAsync(EtlExample example, CancellationToken cancellationToken)
    {
        Delayed<double> best = EtlGraph.Build<EtlTasks>(example, options.Seed, options.TimeScale);
        graphs.Add((example, best));

        var parallelTimings = new TaskTimings();
        IComputeObserver[] observers = Trace is null
            ? new IComputeObserver[] { parallelTimings, States }
            : new IComputeObserver[] { parallelTimings, States, Trace };
        observers = dashboard is null ? observers : [.. observers, dashboard];
        var (result, parallelTime) = await TimeAsync(best, new ComputeOptions { Observers = observers, Scheduler = parallel }, $"{example.Name} parallel", cancellationToken).ConfigureAwait(false);

        var sequentialOptions = new ComputeOptions { Scheduler = ComputeScheduler.Synchronous };
        var (sequentialResult, sequentialTime) = await TimeAsync(best, sequentialOptions, $"{example.Name} sequential", cancellationToken).ConfigureAwait(false);

        return new ExampleReport(
            example,
            parallelTimings.Count,
            result,
            sequentialResult,
            parallelTime,
            sequentialTime,
            CriticalPath.Of(best, parallelTimings.DurationOf));
    }

    private async Task<(double Result, TimeSpan Elapsed)> TimeAsync(Delayed<double> target, ComputeOptions computeOptions, string label, CancellationToken cancellationToken)
    {
        using ConsoleProgressBar? bar = progress is null ? null : new ConsoleProgressBar(progress, label);
        long start = Stopwatch.GetTimestamp();
        double result = await target.ComputeAsync(computeOptions with { Progress = bar }, cancellationToken).ConfigureAwait(false);
        return (result, Stopwatch.GetElapsedTime(start));
    }
}

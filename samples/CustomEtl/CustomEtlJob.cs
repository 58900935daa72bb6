using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;

namespace CustomEtl;

/// <summary>Runs the seed's examples in parallel and sequentially and reports the speed-up against its physical limit.</summary>
public static class CustomEtlJob
{
    /// <summary>Runs every example in <paramref name="options"/>, writing a table to <paramref name="output"/>.</summary>
    public static async Task<IReadOnlyList<ExampleReport>> RunAsync(CustomEtlOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var reports = new List<ExampleReport>();
        foreach (EtlExample example in options.Examples)
        {
            output.WriteLine($"Computing the {example.Name} example ({example.Files} files, {example.Comparisons} comparisons)...");
            reports.Add(await RunExampleAsync(example, options, cancellationToken).ConfigureAwait(false));
        }

        WriteTable(reports, output);
        return reports;
    }

    private static async Task<ExampleReport> RunExampleAsync(EtlExample example, CustomEtlOptions options, CancellationToken cancellationToken)
    {
        Delayed<double> best = EtlGraph.Build(example, options.Seed, options.TimeScale);

        var parallelTimings = new TaskTimings();
        var (result, parallelTime) = await TimeAsync(best, new ComputeOptions { Observers = new[] { parallelTimings } }, cancellationToken).ConfigureAwait(false);

        var sequentialOptions = new ComputeOptions { Scheduler = ComputeScheduler.Synchronous };
        var (sequentialResult, sequentialTime) = await TimeAsync(best, sequentialOptions, cancellationToken).ConfigureAwait(false);

        return new ExampleReport(
            example,
            parallelTimings.Count,
            result,
            sequentialResult,
            parallelTime,
            sequentialTime,
            CriticalPath.Of(best, parallelTimings.DurationOf));
    }

    private static async Task<(double Result, TimeSpan Elapsed)> TimeAsync(Delayed<double> target, ComputeOptions options, CancellationToken cancellationToken)
    {
        long start = Stopwatch.GetTimestamp();
        double result = await target.ComputeAsync(options, cancellationToken).ConfigureAwait(false);
        return (result, Stopwatch.GetElapsedTime(start));
    }

    private static void WriteTable(IReadOnlyList<ExampleReport> reports, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"example",-8} {"tasks",6} {"result",8} {"parallel",10} {"sequential",11} {"critical path",14} {"speed-up",9} {"vs path",8}");
        foreach (ExampleReport report in reports)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{report.Example.Name,-8} {report.TaskCount,6} {report.Result,8:F4} {Seconds(report.Parallel),10} {Seconds(report.Sequential),11} {Seconds(report.CriticalPath),14} {report.SpeedUp,8:F1}x {report.OverCriticalPath,7:F3}x"));
        }

        output.WriteLine();
        output.WriteLine("speed-up = sequential / parallel; vs path = parallel / critical path (1.000x is the physical limit).");
    }

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:F3} s");
}

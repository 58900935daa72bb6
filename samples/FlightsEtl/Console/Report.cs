using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;

namespace FlightsEtl;

/// <summary>The run's summary and the seed's comparison: each stage's time per engine and the ratios to TaskGraph.</summary>
public static class Report
{
    /// <summary>Writes the report to <paramref name="console"/> (a terminal, or plain text over any writer).</summary>
    public static void Write(IAnsiConsole console, FlightsResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var summary = result.Summary;
        string data = result.Data.Reused ? "reused" : $"generated in {Seconds(result.GenerationTime)} s";
        console.WriteLine($"Data: {result.Data.Files.Count} files ({data})");
        console.WriteLine($"Total: {summary.Rows:N0} rows ({summary.SkippedRows:N0} malformed rows skipped, {summary.CancelledRows:N0} cancelled flights)");
        console.WriteLine($"DepDelay of non-cancelled flights: mean {summary.MeanDepDelay.ToString("F6", CultureInfo.InvariantCulture)}, standard deviation {summary.StdDepDelay.ToString("F6", CultureInfo.InvariantCulture)} (n = {summary.NonCancelled.Count:N0})");
        console.WriteLine($"Imputed {summary.MissingDepDelay:N0} missing or infinite DepDelay values with {summary.ImputationMean.ToString("F6", CultureInfo.InvariantCulture)}");
        console.WriteLine($"Number of rows in {result.Target.Table} table ({result.Target.DatabasePath}): {result.TableRows:N0}");
        console.WriteLine(result.Latency > TimeSpan.Zero
            ? $"Transform: {result.Main.Batches:N0} batches, each waiting {result.Latency.TotalMicroseconds.ToString("0.###", CultureInfo.InvariantCulture)} µs a value " +
              $"(the notebook's 10 ms / {(FlightsOptions.NotebookLatencyPerRow / result.Latency).ToString("0.##", CultureInfo.InvariantCulture)}) before doubling it"
            : $"Transform: {result.Main.Batches:N0} batches, no simulated latency (--latency-us 0)");
        if (result.Main.ReusedTasks is { } reused)
        {
            console.WriteLine($"Resume: {reused:N0} tasks reused from an earlier run's stored results (--resume)");
        }

        if (result.Baselines.Count == 0)
        {
            console.WriteLine($"{result.Main.Engine} processing time: {Seconds(result.Main.Total)} s");
            return;
        }

        var runs = new[] { result.Main }.Concat(result.Baselines).ToArray();
        var table = new Table().Border(TableBorder.Simple).AddColumn("Stage");
        foreach (var run in runs)
        {
            table.AddColumn(new TableColumn(Markup.Escape(run.Engine + " (s)")).RightAligned());
        }

        foreach (var baseline in result.Baselines)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"{baseline.Engine} / TaskGraph")).RightAligned());
        }

        foreach (var stage in PipelineStages.All)
        {
            table.AddRow(Row(stage.DisplayName(), runs, run => run.StageTimes.TryGetValue(stage, out var time) ? time : null));
        }

        table.AddRow(Row("Total", runs, run => run.Total));
        console.Write(table);
        console.WriteLine("Stage times are spans from a stage's first task to its last; in the graph, stages overlap. Every engine loads with the same insert.");
        console.WriteLine($"Before the engines were timed, {FlightsJob.WarmUpFiles(result.Data.Files.Count)} files were read once side by side, untimed, so no engine parses on unoptimized code; " +
            "TaskGraph's first compute of the process is timed as it comes (its scheduler is compiled then).");
        foreach (string line in SpeedUpLines(result))
        {
            console.WriteLine(line);
        }
    }

    /// <summary>
    /// How much faster TaskGraph ran than each baseline: over the latency-bound transform (the notebook's point,
    /// when there is a latency) and over the whole run. Results of this run only: targets live in benchmarks/.
    /// </summary>
    public static IEnumerable<string> SpeedUpLines(FlightsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var baseline in result.Baselines)
        {
            string transform = Ratio(baseline, result.Main, PipelineStage.Transform) is { } speedUp
                ? $"transform {Times(speedUp)}, "
                : "";
            yield return $"TaskGraph against {baseline.Engine}: {transform}whole run {Times(baseline.Total / result.Main.Total)} as fast.";
        }
    }

    private static double? Ratio(PipelineRun numerator, PipelineRun denominator, PipelineStage stage)
        => numerator.StageTimes.TryGetValue(stage, out var top) && denominator.StageTimes.TryGetValue(stage, out var bottom) && bottom > TimeSpan.Zero
            ? top / bottom
            : null;

    private static string[] Row(string name, PipelineRun[] runs, Func<PipelineRun, TimeSpan?> time)
    {
        var main = time(runs[0]);
        var cells = new[] { name }.Concat(runs.Select(run => time(run) is { } t ? Seconds(t) : "-"));
        var ratios = runs.Skip(1).Select(run => time(run) is { } t && main is { } m && m > TimeSpan.Zero
            ? (t / m).ToString("F2", CultureInfo.InvariantCulture) + "x"
            : "-");
        return cells.Concat(ratios).Select(Markup.Escape).ToArray();
    }

    private static string Times(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture) + "x";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
}

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
        console.WriteLine($"Imputed {summary.MissingDepDelay:N0} missing or infinite DepDelay values with {summary.ImputationMean.ToString("F6", CultureInfo.InvariantCulture)}; {result.Main.Batches:N0} batches");
        console.WriteLine($"Number of rows in {result.Target.Table} table ({result.Target.DatabasePath}): {result.TableRows:N0}");
        if (result.Baselines.Count == 0)
        {
            console.WriteLine($"TaskGraph processing time: {Seconds(result.Main.Total)} s");
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
        console.WriteLine("Stage times are spans from a stage's first task to its last; in the graph, stages overlap. Sequential's load is the bare insert loop.");
        foreach (string line in TargetLines(result))
        {
            console.WriteLine(line);
        }
    }

    /// <summary>The two figures the performance targets name: the read-and-parse speed-up over the sequential loop (with the stages that share its graph), and the load against the bare insert loop.</summary>
    public static IEnumerable<string> TargetLines(FlightsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sequential = result.Baselines.FirstOrDefault(run => run.Engine == Baseline.SequentialName);
        if (sequential is null)
        {
            yield break;
        }

        // In the graph, reads interleave with the statistics and imputation tasks on the same workers,
        // so the read stage alone has no wall time of its own: the three are compared together.
        if (result.Main.Extract > TimeSpan.Zero)
        {
            double speedUp = sequential.Extract / result.Main.Extract;
            yield return $"Read & parse (with statistics and imputation): TaskGraph is {speedUp.ToString("F2", CultureInfo.InvariantCulture)}x as fast as the sequential loop (target: at least 1.6x on 2 cores; {Environment.ProcessorCount} cores here)";
        }

        if (Ratio(result.Main, sequential, PipelineStage.Load) is { } load)
        {
            yield return $"Load: TaskGraph takes {load.ToString("F2", CultureInfo.InvariantCulture)}x the time of the bare insert loop (target: at most 1.3x)";
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

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
}

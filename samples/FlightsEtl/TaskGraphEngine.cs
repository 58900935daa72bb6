using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;

namespace FlightsEtl;

/// <summary>
/// Runs the pipeline as TaskGraph computes, as the seed does with Dask: first the extract graph (read
/// and parse each file, select its delay columns, summarize, merge, impute, concatenate), whose value
/// fixes the number of transform batches; then the transform-and-load graph (one task per batch, the
/// load, the row-count check).
/// </summary>
public static class TaskGraphEngine
{
    /// <summary>The engine's name in reports.</summary>
    public const string Name = "TaskGraph";

    /// <summary>Runs both graphs, with a bar per stage.</summary>
    public static async Task<PipelineRun> RunAsync(PipelineInputs inputs, IJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(progress);
        long started = Stopwatch.GetTimestamp();
        int files = inputs.Files.Count;

        // Extract: per file read -> select -> summarize; merge; per file impute; concatenate.
        var extractBars = new Dictionary<PipelineStage, IStageProgress>
        {
            [PipelineStage.ReadAndParse] = progress.StartStage("Read & parse (tasks)", 2L * files),
            [PipelineStage.Statistics] = progress.StartStage("Statistics (tasks)", files + 1L),
            [PipelineStage.Impute] = progress.StartStage("Impute (tasks)", files + 1L),
        };
        var extractObserver = new StageObserver(extractBars);
        var columns = inputs.Files.Select(file => FlightsPipeline.SelectDelaysDelayed(FlightsPipeline.ReadFlightsDelayed(file, inputs.Read))).ToList();
        var total = FlightsPipeline.MergeSummariesDelayed(columns.Select(FlightsPipeline.SummarizeDelayed).ToList());
        var values = FlightsPipeline.ConcatenateDelayed(columns.Select(column => FlightsPipeline.ImputeDelayed(column, total)).ToList());
        // One compute for both outputs, so the tasks they share (every read, select and summary) run once.
        long extractStarted = Stopwatch.GetTimestamp();
        var (summary, imputed) = await Delayed.ComputeAsync(total, values, new ComputeOptions { Observers = new IComputeObserver[] { extractObserver } }, cancellationToken)
            .ConfigureAwait(false);
        var extract = Stopwatch.GetElapsedTime(extractStarted);
        Complete(extractBars.Values);

        // Transform and load: one task per batch, then one writer.
        var batches = BatchTransform.Split(imputed, inputs.BatchSize);
        var loadBars = new Dictionary<PipelineStage, IStageProgress>
        {
            [PipelineStage.Transform] = progress.StartStage("Transform (batches)", batches.Count),
        };
        var loadRows = progress.StartStage("Load (rows)", summary.Rows);
        var loadObserver = new StageObserver(loadBars);
        var transformed = batches
            .Select(batch => inputs.LatencyPerRow > TimeSpan.Zero
                ? FlightsPipeline.TransformWithLatencyDelayed(batch, inputs.LatencyPerRow)
                : FlightsPipeline.TransformDelayed(batch))
            .ToList();
        var loaded = FlightsPipeline.LoadDelayed(transformed, inputs.Target, Delayed.Value<IProgress<long>?>(new RowProgress(loadRows)));
        long tableRows = await FlightsPipeline.CheckRowCountDelayed(loaded, summary.Rows, inputs.Target)
            .ComputeAsync(new ComputeOptions { Observers = new IComputeObserver[] { loadObserver } }, cancellationToken)
            .ConfigureAwait(false);
        Complete(loadBars.Values);
        loadRows.Complete();

        var stageTimes = extractObserver.StageTimes();
        foreach (var (stage, time) in loadObserver.StageTimes())
        {
            stageTimes[stage] = time;
        }

        return new PipelineRun(Name, summary, batches.Count, tableRows, stageTimes, extract, Stopwatch.GetElapsedTime(started));
    }

    private static void Complete(IEnumerable<IStageProgress> bars)
    {
        foreach (var bar in bars)
        {
            bar.Complete();
        }
    }

    /// <summary>Turns the loader's running total of committed rows into bar increments.</summary>
    private sealed class RowProgress(IStageProgress bar) : IProgress<long>
    {
        private long reported;

        public void Report(long value)
        {
            long previous = Interlocked.Exchange(ref reported, value);
            bar.Advance(value - previous);
        }
    }
}

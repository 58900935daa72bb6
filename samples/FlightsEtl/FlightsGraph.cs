using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;

namespace FlightsEtl;

/// <summary>
/// The notebook's ETL as a TaskGraph graph: this file is the whole of it. <see cref="RunAsync"/> builds and
/// computes the graph, step by step as the notebook goes; below it, each step is an ordinary method marked
/// <c>[Delayed]</c>, for which the TaskGraph generator writes a lazy <c>XDelayed</c> wrapper. Calling a
/// wrapper adds a task to the graph and runs nothing; <c>ComputeAsync</c> runs the tasks in parallel.
/// </summary>
public static partial class FlightsGraph
{
    /// <summary>The engine's name in reports.</summary>
    public const string Name = "TaskGraph";

    /// <summary>Builds and computes the flights graph: read, statistics, imputation, then transform and load.</summary>
    public static async Task<PipelineRun> RunAsync(PipelineInputs inputs, IJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(progress);
        long started = Stopwatch.GetTimestamp();
        var stages = new StageObserver(progress, inputs.Files.Count, inputs.Observers);
        var options = stages.Options with { ResultStore = inputs.ResultStore };
        options = inputs.Cluster is { } cluster ? options with { Scheduler = cluster.Scheduler } : options;

        // dd.read_csv("data/*.csv", parse_dates=..., dtype=...): one task per file (Dask's partitions), every
        // column checked and typed, only the two the rest uses kept (ddf[["DepDelay", "Cancelled"]]).
        var columns = inputs.Files.Select(file => ReadDelaysDelayed(file, inputs.Read)).ToList();

        // non_cancelled["DepDelay"].mean() and .std(): per-file partial aggregates, merged exactly.
        var summary = MergeSummariesDelayed(columns.Select(SummarizeDelayed).ToList());

        // replace(inf, nan), SimpleImputer(strategy="mean"), astype(int): per file, with the merged mean.
        var imputed = ConcatenateDelayed(columns.Select(column => ImputeDelayed(column, summary)).ToList());

        // One compute for both, so the reads and summaries they share run once.
        var (total, values) = await Delayed.ComputeAsync(summary, imputed, options, cancellationToken).ConfigureAwait(false);

        // extract(): np.array_split into batches of about 4,000; transform(): one delayed call per batch.
        var batches = BatchTransform.Split(values, inputs.BatchSize);
        stages.ExpectBatches(batches.Count, total.Rows);
        var transformed = batches
            .Select(batch => inputs.LatencyPerRow > TimeSpan.Zero ? TransformWithLatencyDelayed(batch, inputs.LatencyPerRow) : TransformDelayed(batch))
            .ToList();

        // load(): to_sql(if_exists="replace"); row_count(): the table checked against the input.
        // A progress object is a handle of this process: on a cluster the load's bar completes at the end instead.
        var loaded = LoadDelayed(transformed, inputs.Target, Delayed.Value<IProgress<long>?>(inputs.Cluster is null ? stages.LoadedRows : null));
        long tableRows = await CheckRowCountDelayed(loaded, total.Rows, inputs.Target).ComputeAsync(options, cancellationToken).ConfigureAwait(false);

        stages.Complete();
        string name = inputs.Cluster is null ? Name : $"{Name} on {inputs.Cluster.Workers} workers";
        return new PipelineRun(name, total, batches.Count, tableRows, stages.StageTimes(), Stopwatch.GetElapsedTime(started), inputs.ResultStore is null ? null : stages.Reused);
    }

    /// <summary>Reads and parses one flights file (one partition), keeping DepDelay and Cancelled.</summary>
    [Delayed]
    public static DelayColumn ReadDelays(string file, FlightReadOptions options, CancellationToken cancellationToken)
        => CsvFlightReader.ReadDelays(file, options, cancellationToken);

    /// <summary>One file's partial aggregates: row counts and DepDelay moments.</summary>
    [Delayed]
    public static DelaySummary Summarize(DelayColumn column) => DelaySummary.Of(column);

    /// <summary>Merges the files' partial aggregates exactly, in file order.</summary>
    [Delayed]
    public static DelaySummary MergeSummaries(IReadOnlyList<DelaySummary> parts) => DelaySummary.MergeAll(parts);

    /// <summary>One file's DepDelay with missing and infinite values replaced by the mean, as 64-bit integers.</summary>
    [Delayed]
    public static long[] Impute(DelayColumn column, DelaySummary total) => DelayImputer.Impute(column, total.ImputationMean);

    /// <summary>The imputed columns end to end: the values the transform's batches are cut from.</summary>
    [Delayed]
    public static long[] Concatenate(IReadOnlyList<long[]> columns) => DelayImputer.Concatenate(columns);

    /// <summary>Transforms one batch when there is no simulated latency: pure CPU work. Checkpointed: <c>--resume</c> reuses finished batches.</summary>
    [Delayed(Checkpoint = true)]
    public static long[] Transform(ArraySegment<long> batch, CancellationToken cancellationToken)
        => BatchTransform.Apply(batch, TimeSpan.Zero, cancellationToken);

    /// <summary>Transforms one batch after the simulated latency: the thread waits, as the notebook's <c>time.sleep</c>. Checkpointed: <c>--resume</c> reuses finished batches.</summary>
    [Delayed(Blocking = true, Checkpoint = true)]
    public static long[] TransformWithLatency(ArraySegment<long> batch, TimeSpan latencyPerRow, CancellationToken cancellationToken)
        => BatchTransform.Apply(batch, latencyPerRow, cancellationToken);

    /// <summary>Replaces the result table with the transformed batches, in one transaction.</summary>
    [Delayed(Blocking = true)]
    public static long Load(IReadOnlyList<long[]> batches, SqliteTarget target, IProgress<long>? rowsInserted, CancellationToken cancellationToken)
        => SqliteLoader.Replace(target, batches, rowsInserted, cancellationToken);

    /// <summary>Counts the result table's rows (the seed's <c>row_count</c>) and checks them against the input's.</summary>
    /// <exception cref="InvalidOperationException">The table does not hold exactly the input's rows.</exception>
    [Delayed(Blocking = true)]
    public static long CheckRowCount(long loadedRows, long inputRows, SqliteTarget target)
    {
        long tableRows = SqliteLoader.CountRows(target);
        if (tableRows != inputRows || loadedRows != inputRows)
        {
            throw new InvalidOperationException($"Table {target.Table} holds {tableRows} rows ({loadedRows} loaded) where the input has {inputRows}.");
        }

        return tableRows;
    }
}

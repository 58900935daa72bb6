using System;
using System.Collections.Generic;
using System.Threading;
using TaskGraph;

namespace FlightsEtl;

/// <summary>
/// The seed's ETL as tasks. Each method is an ordinary function (the baselines call them directly);
/// <c>[Delayed]</c> has the TaskGraph generator write a lazy <c>XDelayed</c> wrapper for each, which
/// <see cref="TaskGraphEngine"/> calls to build the graph instead of running anything.
/// </summary>
public static partial class FlightsPipeline
{
    /// <summary>Reads and parses one flights file (one partition).</summary>
    [Delayed]
    public static FlightFrame ReadFlights(string file, FlightReadOptions options, CancellationToken cancellationToken)
        => CsvFlightReader.Read(file, options, cancellationToken);

    /// <summary>Keeps DepDelay and Cancelled of a parsed file, so its full rows can be released.</summary>
    [Delayed]
    public static DelayColumn SelectDelays(FlightFrame frame) => DelayColumn.Select(frame);

    /// <summary>One file's partial aggregates: row counts and DepDelay moments.</summary>
    [Delayed]
    public static DelaySummary Summarize(DelayColumn column) => DelaySummary.Of(column);

    /// <summary>Merges the files' partial aggregates exactly, in file order.</summary>
    [Delayed]
    public static DelaySummary MergeSummaries(IReadOnlyList<DelaySummary> parts) => DelaySummary.MergeAll(parts);

    /// <summary>One file's DepDelay with missing and infinite values replaced by the mean, as integers.</summary>
    [Delayed]
    public static int[] Impute(DelayColumn column, DelaySummary total) => DelayImputer.Impute(column, total.ImputationMean);

    /// <summary>The imputed columns end to end: the values the transform's batches are cut from.</summary>
    [Delayed]
    public static int[] Concatenate(IReadOnlyList<int[]> columns) => DelayImputer.Concatenate(columns);

    /// <summary>Transforms one batch when there is no simulated latency: pure CPU work.</summary>
    [Delayed]
    public static int[] Transform(ArraySegment<int> batch, CancellationToken cancellationToken)
        => BatchTransform.Apply(batch, TimeSpan.Zero, cancellationToken);

    /// <summary>Transforms one batch after the simulated latency: the thread waits, as on a remote call.</summary>
    [Delayed(Blocking = true)]
    public static int[] TransformWithLatency(ArraySegment<int> batch, TimeSpan latencyPerRow, CancellationToken cancellationToken)
        => BatchTransform.Apply(batch, latencyPerRow, cancellationToken);

    /// <summary>Loads the transformed batches into the result table (staging table, chunked transactions, swap).</summary>
    [Delayed(Blocking = true)]
    public static long Load(IReadOnlyList<int[]> batches, SqliteTarget target, IProgress<long>? rowsCommitted, CancellationToken cancellationToken)
        => SqliteLoader.LoadAndSwap(target, batches, rowsCommitted, SqliteLoader.DefaultChunkRows, cancellationToken);

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

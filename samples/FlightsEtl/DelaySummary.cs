using System.Collections.Generic;

namespace FlightsEtl;

/// <summary>
/// A mergeable summary of DepDelay over some rows: everything the seed computes from the column
/// (row count, mean and standard deviation over non-cancelled flights, and the imputer's mean over
/// every finite value), kept as partial aggregates so that per-file summaries merge exactly.
/// </summary>
/// <param name="Rows">Rows read.</param>
/// <param name="SkippedRows">Malformed rows skipped while reading.</param>
/// <param name="CancelledRows">Rows of cancelled flights.</param>
/// <param name="MissingDepDelay">Rows whose DepDelay is missing or infinite (what the imputer fills).</param>
/// <param name="NonCancelled">Moments of the finite DepDelay values of non-cancelled flights (the seed's mean and std).</param>
/// <param name="AllFinite">Moments of every finite DepDelay value (what SimpleImputer's mean strategy averages).</param>
public sealed record DelaySummary(long Rows, long SkippedRows, long CancelledRows, long MissingDepDelay, RunningMoments NonCancelled, RunningMoments AllFinite)
{
    /// <summary>The summary of no rows.</summary>
    public static DelaySummary Empty { get; } = new(0, 0, 0, 0, RunningMoments.Empty, RunningMoments.Empty);

    /// <summary>Mean DepDelay of non-cancelled flights.</summary>
    public double MeanDepDelay => NonCancelled.Mean;

    /// <summary>Sample standard deviation (ddof = 1) of DepDelay of non-cancelled flights.</summary>
    public double StdDepDelay => NonCancelled.StandardDeviation;

    /// <summary>The value that replaces a missing or infinite DepDelay: the mean of every finite value.</summary>
    public double ImputationMean => AllFinite.Mean;

    /// <summary>Summarizes one file's columns in one pass.</summary>
    public static DelaySummary Of(DelayColumn column)
    {
        var nonCancelled = RunningMoments.Empty;
        var allFinite = RunningMoments.Empty;
        long cancelledRows = 0;
        long missing = 0;
        for (int i = 0; i < column.DepDelay.Length; i++)
        {
            double delay = column.DepDelay[i];
            bool cancelled = column.Cancelled[i];
            if (cancelled)
            {
                cancelledRows++;
            }

            if (!double.IsFinite(delay))
            {
                missing++;
                continue;
            }

            allFinite = allFinite.Add(delay);
            if (!cancelled)
            {
                nonCancelled = nonCancelled.Add(delay);
            }
        }

        return new DelaySummary(column.DepDelay.Length, column.SkippedRows, cancelledRows, missing, nonCancelled, allFinite);
    }

    /// <summary>The summary of both sets of rows together.</summary>
    public DelaySummary Merge(DelaySummary other)
        => new(Rows + other.Rows, SkippedRows + other.SkippedRows, CancelledRows + other.CancelledRows,
            MissingDepDelay + other.MissingDepDelay, NonCancelled.Merge(other.NonCancelled), AllFinite.Merge(other.AllFinite));

    /// <summary>Merges per-file summaries, in order.</summary>
    public static DelaySummary MergeAll(IEnumerable<DelaySummary> parts)
    {
        var total = Empty;
        foreach (var part in parts)
        {
            total = total.Merge(part);
        }

        return total;
    }
}

using System;
using System.Collections.Generic;
using System.Threading;

namespace FlightsEtl;

/// <summary>The seed's transform: the values in batches, each value doubled, with an optional simulated latency per row.</summary>
public static class BatchTransform
{
    /// <summary>The seed's batch size.</summary>
    public const int DefaultBatchSize = 4000;

    /// <summary>
    /// Cuts <paramref name="values"/> as the seed's <c>np.array_split(data, np.ceil(len(data) / batch_size))</c>
    /// does: ceil(n / <paramref name="batchSize"/>) consecutive batches whose lengths differ by at most one,
    /// the longer ones first.
    /// </summary>
    public static IReadOnlyList<ArraySegment<long>> Split(long[] values, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int count = (int)((values.LongLength + batchSize - 1) / batchSize);
        var batches = new List<ArraySegment<long>>(count);
        int start = 0;
        for (int i = 0; i < count; i++)
        {
            int length = (values.Length / count) + (i < values.Length % count ? 1 : 0);
            batches.Add(new ArraySegment<long>(values, start, length));
            start += length;
        }

        return batches;
    }

    /// <summary>
    /// Doubles every value of <paramref name="batch"/> (the seed's <c>numbers * 2</c>), first waiting
    /// <paramref name="latencyPerRow"/> times the batch's length, as the seed's <c>time.sleep</c> does.
    /// </summary>
    /// <exception cref="OverflowException">A doubled value does not fit a 64-bit integer (numpy would wrap it silently).</exception>
    public static long[] Apply(ArraySegment<long> batch, TimeSpan latencyPerRow, CancellationToken cancellationToken = default)
    {
        if (latencyPerRow > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(latencyPerRow * batch.Count);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = new long[batch.Count];
        for (int i = 0; i < result.Length; i++)
        {
            long value = batch[i];
            result[i] = value is >= long.MinValue / 2 and <= long.MaxValue / 2
                ? value * 2
                : throw new OverflowException($"DepDelay value {value} (row {batch.Offset + i + 1} of the imputed column) doubled does not fit a 64-bit integer.");
        }

        return result;
    }
}

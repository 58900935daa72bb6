using System;
using System.Collections.Generic;
using System.Threading;

namespace FlightsEtl;

/// <summary>The seed's transform: the values in batches, each value doubled, with an optional simulated latency per row.</summary>
public static class BatchTransform
{
    /// <summary>The seed's batch size.</summary>
    public const int DefaultBatchSize = 4000;

    /// <summary>Cuts <paramref name="values"/> into consecutive batches of <paramref name="batchSize"/> (the last may be shorter).</summary>
    public static IReadOnlyList<ArraySegment<int>> Split(int[] values, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var batches = new List<ArraySegment<int>>((values.Length + batchSize - 1) / batchSize);
        for (int start = 0; start < values.Length; start += batchSize)
        {
            batches.Add(new ArraySegment<int>(values, start, Math.Min(batchSize, values.Length - start)));
        }

        return batches;
    }

    /// <summary>
    /// Doubles every value of <paramref name="batch"/> (the seed's <c>numbers * 2</c>), first waiting
    /// <paramref name="latencyPerRow"/> times the batch's length, as the seed's <c>time.sleep</c> does.
    /// </summary>
    public static int[] Apply(ArraySegment<int> batch, TimeSpan latencyPerRow, CancellationToken cancellationToken = default)
    {
        if (latencyPerRow > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(latencyPerRow * batch.Count);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = new int[batch.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = checked(batch[i] * 2);
        }

        return result;
    }
}

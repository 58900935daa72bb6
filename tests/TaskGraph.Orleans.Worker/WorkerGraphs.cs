using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TaskGraph.Orleans.Worker;

/// <summary>The graph the end-to-end tests run on silo processes: loads that take a while, then a reduction.</summary>
public static partial class WorkerGraphs
{
    [Delayed]
    public static async Task<double[]> LoadAsync(int part, int size, int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken);
        return Enumerable.Range(0, size).Select(i => Math.Sqrt(part * size + i)).ToArray();
    }

    [Delayed]
    public static async Task<double> SummarizeAsync(double[] values, int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken);
        return values.Sum();
    }

    [Delayed]
    public static double Total(IReadOnlyList<double> parts) => parts.Sum();
}

using System;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// The random DAGs of the suite, by index: most small (so a thousand run in seconds), every 100th between
/// 2,000 and 5,000 nodes, every 500th 10,000 nodes. Everything is drawn from the index, so a failure
/// names a graph that can be rebuilt exactly.
/// </summary>
internal static class DagCatalog
{
    public const int GraphCount = 1_000;

    public const int LargestSize = 10_000;

    private const int SeedBase = 6_000_000;

    public static int Seed(int index) => SeedBase + index;

    public static RandomDag Dag(int index)
    {
        var random = new Random(Seed(index));
        int size = index % 500 == 499 ? LargestSize
            : index % 100 == 99 ? random.Next(2_000, 5_001)
            : random.Next(2) == 0 ? random.Next(1, 40) : random.Next(40, 301);
        return RandomDag.Generate(Seed(index), size, allowBlocking: size <= 1_000);
    }

    /// <summary>Parallel scheduler; parallelism 1, 2, 4 or one per core, by index.</summary>
    public static ComputeOptions Options(int index)
        => new() { MaxDegreeOfParallelism = (index % 4) switch { 0 => Environment.ProcessorCount, 1 => 1, 2 => 2, _ => 4 } };

    /// <summary>Odd graphs go through <c>ComputeAsync</c>, even ones through <c>Compute</c>.</summary>
    public static bool UsesAsync(int index) => index % 2 == 1;
}

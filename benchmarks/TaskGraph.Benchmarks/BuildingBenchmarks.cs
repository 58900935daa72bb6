using BenchmarkDotNet.Attributes;

namespace TaskGraph.Benchmarks;

/// <summary>
/// Graph building per node (each figure is per node): calls of generated-style wrappers, each taking a
/// constant or the previous node, at 100,000 nodes (the baseline of its category) and 1,000,000 (linearity).
/// </summary>
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
public class BuildingBenchmarks
{
    private const int Small = 100_000;
    private const int Large = 1_000_000;

    /// <summary>Independent calls on constants: a call node (holding its argument) and a constant node each.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Small)]
    [BenchmarkCategory("Wide")]
    public Delayed<int>[] Wide100K() => Wide(Small);

    [Benchmark(OperationsPerInvoke = Large)]
    [BenchmarkCategory("Wide")]
    public Delayed<int>[] Wide1M() => Wide(Large);

    /// <summary>Each call on the previous one: one call node each (it holds its argument).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Small)]
    [BenchmarkCategory("Chain")]
    public Delayed<int> Chain100K() => Chain(Small);

    [Benchmark(OperationsPerInvoke = Large)]
    [BenchmarkCategory("Chain")]
    public Delayed<int> Chain1M() => Chain(Large);

    /// <summary>The allocation floor: plain objects of a call node's size, chained, without graph logic.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Small)]
    [BenchmarkCategory("Plain")]
    public PlainNodes Plain100K() => PlainNodes.Chain(Small);

    [Benchmark(OperationsPerInvoke = Large)]
    [BenchmarkCategory("Plain")]
    public PlainNodes Plain1M() => PlainNodes.Chain(Large);

    private static Delayed<int>[] Wide(int count)
    {
        var nodes = new Delayed<int>[count];
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i] = Work.StepDelayed(i);
        }

        return nodes;
    }

    private static Delayed<int> Chain(int count)
    {
        Delayed<int> value = 0;
        for (int i = 0; i < count; i++)
        {
            value = Work.StepDelayed(value);
        }

        return value;
    }
}

using BenchmarkDotNet.Attributes;

namespace TaskGraph.Benchmarks;

/// <summary>Graph building per node: calls of generated-style wrappers, each taking a constant or the previous node.</summary>
public class BuildingBenchmarks
{
    private const int Nodes = 100_000;

    /// <summary>Independent calls on constants: a call node, its argument array and a constant node each.</summary>
    [Benchmark(OperationsPerInvoke = Nodes)]
    public Delayed<int>[] Wide()
    {
        var nodes = new Delayed<int>[Nodes];
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i] = Work.StepDelayed(i);
        }

        return nodes;
    }

    /// <summary>Each call on the previous one: a call node and its argument array each.</summary>
    [Benchmark(OperationsPerInvoke = Nodes)]
    public Delayed<int> Chain()
    {
        Delayed<int> value = 0;
        for (int i = 0; i < Nodes; i++)
        {
            value = Work.StepDelayed(value);
        }

        return value;
    }
}

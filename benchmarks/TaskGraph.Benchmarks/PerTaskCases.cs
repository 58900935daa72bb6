using BenchmarkDotNet.Attributes;

namespace TaskGraph.Benchmarks;

/// <summary>
/// The per-task cases every scheduling comparison shares: each shape at 100,000 and 1,000,000 tasks, the
/// floor (a minimal hand-written dependency-counting executor, <see cref="FloorGraph"/>) and TaskGraph
/// computing the same graph, both prebuilt. Subclasses add their baseline.
/// </summary>
public abstract class PerTaskCases
{
    private Delayed<long> graph = null!;
    private FloorGraph floor = null!;

    [Params(Shape.Wide, Shape.Tree, Shape.Chain)]
    public Shape Shape { get; set; }

    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void BuildGraphs()
    {
        graph = Graphs.Build(Shape, N);
        floor = new FloorGraph(Shape, N);
    }

    [Benchmark]
    public long Floor() => floor.Run();

    [Benchmark]
    public long TaskGraphCompute() => graph.Compute();
}

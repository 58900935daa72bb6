using BenchmarkDotNet.Attributes;

namespace TaskGraph.Benchmarks;

/// <summary>
/// The scheduling suite's per-task cases without its method baseline: here the baseline is the job that runs
/// on the other commit's runtime, so the ratio column reads after / before. The floor (identical code in both
/// jobs) shows how far the machine drifted between them.
/// </summary>
public class PerTaskBenchmarks
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

using BenchmarkDotNet.Attributes;

namespace TaskGraph.Benchmarks;

/// <summary>
/// Per-task overhead: computing a prebuilt graph of trivial tasks against plain sequential calls (the
/// baseline), the floor (a minimal hand-written dependency-counting executor, <see cref="FloorGraph"/>,
/// prebuilt too) and a hand-written TPL graph (built and run: a TPL task runs once). Per-task overhead
/// is (mean - Sequential) / tasks; see README.md.
/// </summary>
public class SchedulingBenchmarks
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

    [Benchmark(Baseline = true)]
    public long Sequential() => Graphs.Sequential(Shape, N);

    [Benchmark]
    public long Floor() => floor.Run();

    [Benchmark]
    public long TaskGraphCompute() => graph.Compute();

    [Benchmark]
    public long TaskGraphBuildAndCompute() => Graphs.Build(Shape, N).Compute();

    [Benchmark]
    public long TplContinueWhenAll() => Graphs.Tpl(Shape, N);
}

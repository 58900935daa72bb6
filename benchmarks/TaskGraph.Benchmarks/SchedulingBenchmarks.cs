using BenchmarkDotNet.Attributes;

namespace TaskGraph.Benchmarks;

/// <summary>
/// Per-task overhead: computing a prebuilt graph of trivial tasks against plain sequential calls (the
/// baseline), the floor and TaskGraph (<see cref="PerTaskCases"/>) and a hand-written TPL graph (built and
/// run: a TPL task runs once). Per-task overhead is (mean - Sequential) / tasks; see README.md.
/// </summary>
public class SchedulingBenchmarks : PerTaskCases
{
    [Benchmark(Baseline = true)]
    public long Sequential() => Graphs.Sequential(Shape, N);

    [Benchmark]
    public long TaskGraphBuildAndCompute() => Graphs.Build(Shape, N).Compute();

    [Benchmark]
    public long TplContinueWhenAll() => Graphs.Tpl(Shape, N);
}

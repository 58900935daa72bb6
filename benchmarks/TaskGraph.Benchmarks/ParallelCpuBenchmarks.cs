using System;
using BenchmarkDotNet.Attributes;

namespace TaskGraph.Benchmarks;

/// <summary>
/// Speed-up on CPU work: a wide graph of tasks that each spin for about 20 µs (calibrated at setup),
/// feeding one sum, against the same calls made sequentially (the baseline). On 2 cores the ideal
/// ratio is 0.5; the target is at most 1 / 1.6 = 0.625.
/// </summary>
public class ParallelCpuBenchmarks
{
    private const int Tasks = 10_000;
    private const double TaskMicroseconds = 20;

    private int spins;

    [GlobalSetup]
    public void Calibrate() => spins = Work.SpinsFor(TimeSpan.FromMicroseconds(TaskMicroseconds));

    [Benchmark(Baseline = true)]
    public long Sequential()
    {
        var values = new int[Tasks];
        for (int i = 0; i < Tasks; i++)
        {
            values[i] = Work.Spin(i, spins);
        }

        return Work.Sum(values);
    }

    [Benchmark]
    public long TaskGraph()
    {
        var steps = new Delayed<int>[Tasks];
        for (int i = 0; i < Tasks; i++)
        {
            steps[i] = Work.SpinDelayed(i, spins);
        }

        return Work.SumDelayed(Delayed.All(steps)).Compute();
    }
}

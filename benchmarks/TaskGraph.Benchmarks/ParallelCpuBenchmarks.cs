using System;
using System.Threading;
using BenchmarkDotNet.Attributes;

namespace TaskGraph.Benchmarks;

/// <summary>
/// Speed-up on CPU work: a wide graph of tasks that each spin for about 20 µs (calibrated at setup),
/// feeding one sum, against the same calls made sequentially (the baseline) and by two bare threads
/// sharing a counter (what the machine grants two threads in the same run: on a shared machine, less
/// than two cores). On 2 quiet cores the ideal ratio is 0.5; the target is at most 1 / 1.6 = 0.625.
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
    public long TwoThreads()
    {
        var values = new int[Tasks];
        int next = -1;
        void Take()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Tasks)
            {
                values[i] = Work.Spin(i, spins);
            }
        }

        var other = new Thread(Take);
        other.Start();
        Take();
        other.Join();
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

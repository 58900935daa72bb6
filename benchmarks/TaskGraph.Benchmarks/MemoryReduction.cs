using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using TaskGraph.Infrastructure;

namespace TaskGraph.Benchmarks;

/// <summary>
/// Memory while computing (`memory` argument): 1,000 tasks that each return a 1 MB array, reduced
/// pairwise (a tree) and as a running fold, by TaskGraph and by a sequential depth-first loop (the
/// baseline, in the same run). Two figures each:
/// live arrays, exact: after every task an observer forces a full collection and counts the produced
/// arrays still reachable (this slows the compute, not what it keeps); and peak managed heap, unperturbed:
/// GC.GetTotalMemory(false) sampled every millisecond on another thread (garbage not yet collected included).
/// </summary>
public static class MemoryReduction
{
    private const int Leaves = 1_000;
    private const int Length = (1 << 20) / sizeof(double);

    private static readonly DelayedMethod ProduceMethod = new("M:TaskGraph.Benchmarks.MemoryReduction.Produce(System.Int32)", "Produce", "TaskGraph.Benchmarks.MemoryReduction")
    {
        ParameterNames = new[] { "seed" },
    };

    private static readonly DelayedMethod CombineMethod = new("M:TaskGraph.Benchmarks.MemoryReduction.Combine(System.Double[],System.Double[])", "Combine", "TaskGraph.Benchmarks.MemoryReduction")
    {
        ParameterNames = new[] { "left", "right" },
    };

    private static LiveArrays? tracked;

    public static void Run()
    {
        int parallelism = new ComputeOptions().MaxDegreeOfParallelism;
        Console.WriteLine($"{Leaves} tasks x 1 MB arrays; degree of parallelism {parallelism}; load {Probe.LoadAverage()}");
        Console.WriteLine($"{"reduction",-10} {"way",-10} {"peak live arrays",17} {"per worker",11} {"peak heap MB",13} {"result",14}");
        foreach (bool tree in new[] { true, false })
        {
            string shape = tree ? "tree" : "fold";
            Report(shape, "sequential", parallelism, () => tree ? SequentialTree(0, Leaves) : SequentialFold());
            Report(shape, "taskgraph", parallelism, () => (tree ? BuildTree() : BuildFold()).Compute(new ComputeOptions { Observers = CountingObservers() }), () => (tree ? BuildTree() : BuildFold()).Compute());
        }
    }

    public static double[] Produce(int seed)
    {
        var values = new double[Length];
        values.AsSpan().Fill(seed);
        tracked?.Add(values);
        return values;
    }

    public static double[] Combine(double[] left, double[] right)
    {
        var sum = new double[Length];
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] = left[i] + right[i];
        }

        tracked?.Add(sum);
        return sum;
    }

    private static void Report(string shape, string way, int parallelism, Func<double[]> counted, Func<double[]>? sampled = null)
    {
        tracked = new LiveArrays();
        double result = counted()[0];
        int peakLive = tracked.Peak;
        tracked = null;
        double peakHeap = PeakHeapMegabytes(sampled ?? counted);
        Console.WriteLine($"{shape,-10} {way,-10} {peakLive,17} {(double)peakLive / parallelism,11:F1} {peakHeap,13:F0} {result,14:F0}");
    }

    private static double PeakHeapMegabytes(Func<double[]> run)
    {
        GC.Collect();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = before;
        bool done = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(1);
            }
        });
        sampler.Start();
        run();
        Volatile.Write(ref done, true);
        sampler.Join();
        return (peak - before) / (1024.0 * 1024.0);
    }

    private static double[] SequentialTree(int from, int to)
        => to - from == 1 ? Sampled(Produce(from)) : Sampled(Combine(SequentialTree(from, (from + to) / 2), SequentialTree((from + to) / 2, to)));

    private static double[] SequentialFold()
    {
        double[] total = Sampled(Produce(0));
        for (int i = 1; i < Leaves; i++)
        {
            total = Sampled(Combine(total, Sampled(Produce(i))));
        }

        return total;
    }

    private static double[] Sampled(double[] value)
    {
        tracked?.Sample();
        return value;
    }

    private static Delayed<double[]> BuildTree()
    {
        var level = new Delayed<double[]>[Leaves];
        for (int i = 0; i < Leaves; i++)
        {
            level[i] = ProduceDelayed(i);
        }

        for (int count = Leaves; count > 1; count = (count + 1) / 2)
        {
            for (int i = 0; i < count / 2; i++)
            {
                level[i] = CombineDelayed(level[2 * i], level[(2 * i) + 1]);
            }

            if (count % 2 == 1)
            {
                level[count / 2] = level[count - 1];
            }
        }

        return level[0];
    }

    private static Delayed<double[]> BuildFold()
    {
        Delayed<double[]> total = ProduceDelayed(0);
        for (int i = 1; i < Leaves; i++)
        {
            total = CombineDelayed(total, ProduceDelayed(i));
        }

        return total;
    }

    private static Delayed<double[]> ProduceDelayed(Delayed<int> seed)
        => DelayedCall.Create(ProduceMethod, static (args, _) => Produce(args.Get<int>(0)), seed);

    private static Delayed<double[]> CombineDelayed(Delayed<double[]> left, Delayed<double[]> right)
        => DelayedCall.Create(CombineMethod, static (args, _) => Combine(args.Get<double[]>(0), args.Get<double[]>(1)), left, right);

    private static IReadOnlyList<IComputeObserver> CountingObservers() => new IComputeObserver[] { new SampleOnCompletion() };

    private sealed class SampleOnCompletion : IComputeObserver
    {
        public void OnTaskCompleted(ComputeInfo compute, DelayedNode task) => tracked?.Sample();
    }

    /// <summary>The produced arrays, weakly; counts the reachable ones after a full collection.</summary>
    private sealed class LiveArrays
    {
        private readonly List<WeakReference<double[]>> arrays = new();
        private readonly object gate = new();

        internal int Peak { get; private set; }

        internal void Add(double[] array)
        {
            lock (gate)
            {
                arrays.Add(new WeakReference<double[]>(array));
            }
        }

        internal void Sample()
        {
            GC.Collect();
            lock (gate)
            {
                arrays.RemoveAll(reference => !reference.TryGetTarget(out _));
                Peak = Math.Max(Peak, arrays.Count);
            }
        }
    }
}

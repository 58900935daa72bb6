using System;
using System.Diagnostics;
using System.Linq;

namespace TaskGraph.Benchmarks;

/// <summary>
/// A quick side-by-side (`probe` argument) for deciding changes on a shared machine: per task, the
/// median wall time, process CPU time and bytes allocated of each way of running each shape, measured
/// alternately in one process. BenchmarkDotNet gives the reported figures; this gives fast ratios.
/// </summary>
public static class Probe
{
    private static readonly ComputeOptions OneWorker = new() { MaxDegreeOfParallelism = 1 };

    public static void Run(int n, int repeats)
    {
        Console.WriteLine($"n = {n:N0}, {repeats} runs each, medians per task; load {LoadAverage()}");
        Console.WriteLine($"{"shape",-6} {"way",-10} {"wall ns",9} {"cpu ns",9} {"alloc B",9} {"gen2",5} {"gc ns",9}");
        foreach (Shape shape in Enum.GetValues<Shape>())
        {
            int tasks = Graphs.TaskCount(shape, n);
            Delayed<long> graph = Graphs.Build(shape, n);
            var floor = new FloorGraph(shape, n);
            var ways = new (string Name, Func<long> Run)[]
            {
                ("sequential", () => Graphs.Sequential(shape, n)),
                ("floor", floor.Run),
                ("taskgraph", () => graph.Compute()),
                ("one worker", () => graph.Compute(OneWorker)),
            };
            var samples = ways.Select(_ => new (double Wall, double Cpu, double Bytes, int Gen2, double Pause)[repeats]).ToArray();
            foreach (var way in ways)
            {
                WarmUp(way.Run);
            }

            for (int r = 0; r < repeats; r++)
            {
                for (int w = 0; w < ways.Length; w++)
                {
                    samples[w][r] = Measure(ways[w].Run, tasks);
                }
            }

            for (int w = 0; w < ways.Length; w++)
            {
                Console.WriteLine(
                    $"{shape,-6} {ways[w].Name,-10} {Median(samples[w].Select(s => s.Wall)),9:F0} {Median(samples[w].Select(s => s.Cpu)),9:F0} {Median(samples[w].Select(s => s.Bytes)),9:F1} {samples[w].Sum(s => s.Gen2),5} {Median(samples[w].Select(s => s.Pause)),9:F0}");
            }
        }
    }

    /// <summary>
    /// The 20 µs CPU wide graph, alternately sequential and with TaskGraph: wall times, and the process CPU
    /// time during the TaskGraph compute over its wall time (the cores the machine actually granted: on
    /// a shared machine, a speed-up cannot exceed it).
    /// </summary>
    public static void SpeedUp(int repeats)
    {
        var benchmark = new ParallelCpuBenchmarks();
        benchmark.Calibrate();
        benchmark.Sequential();
        benchmark.TaskGraph();
        var rounds = new (double Sequential, double TaskGraph, double Cores)[repeats];
        for (int r = 0; r < repeats; r++)
        {
            var sequential = Measure(() => benchmark.Sequential(), 1);
            var parallel = Measure(() => benchmark.TaskGraph(), 1);
            rounds[r] = (sequential.Wall, parallel.Wall, parallel.Cpu / parallel.Wall);
        }

        Console.WriteLine($"20 µs CPU wide graph, {repeats} rounds, medians; load {LoadAverage()}");
        Console.WriteLine($"sequential {Median(rounds.Select(r => r.Sequential)) / 1e6:F0} ms ({Median(rounds.Select(r => r.Sequential)) / 10_000 / 1e3:F1} µs per task), taskgraph {Median(rounds.Select(r => r.TaskGraph)) / 1e6:F0} ms");
        Console.WriteLine($"speed-up {Median(rounds.Select(r => r.Sequential / r.TaskGraph)):F2}x; cores granted during the compute {Median(rounds.Select(r => r.Cores)):F2}; best round {rounds.Max(r => r.Sequential / r.TaskGraph):F2}x");
    }

    /// <summary>
    /// What observing costs a compute (`observers` argument): the wide graph of <paramref name="n"/> trivial tasks
    /// without observers, with one that implements no callback and with a dashboard no page watches, alternately;
    /// medians per task and each against the first. <see cref="DashboardBenchmarks"/> gives the reported figures.
    /// </summary>
    public static void Observers(int n, int repeats)
    {
        int tasks = Graphs.TaskCount(Shape.Wide, n);
        Delayed<long> graph = Graphs.Build(Shape.Wide, n);
        var dashboard = Dashboard.TaskGraphDashboard.StartAsync(new Dashboard.DashboardOptions { Port = 0 }).GetAwaiter().GetResult();
        var ways = new (string Name, ComputeOptions Options)[]
        {
            ("none", ComputeOptions.Default),
            ("idle", new ComputeOptions { Observers = new IComputeObserver[] { new DashboardBenchmarks.IdleObserver() } }),
            ("dashboard", Dashboard.DashboardComputeOptions.WithDashboard(ComputeOptions.Default, dashboard)),
        };
        var walls = ways.Select(_ => new double[repeats]).ToArray();
        var cpus = ways.Select(_ => new double[repeats]).ToArray();
        foreach (var way in ways)
        {
            WarmUp(() => graph.Compute(way.Options));
        }

        for (int r = 0; r < repeats; r++)
        {
            for (int w = 0; w < ways.Length; w++)
            {
                var sample = Measure(() => graph.Compute(ways[w].Options), tasks);
                (walls[w][r], cpus[w][r]) = (sample.Wall, sample.Cpu);
            }
        }

        dashboard.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Console.WriteLine($"wide graph, {tasks:N0} tasks, {repeats} rounds, medians per task; load {LoadAverage()}");
        for (int w = 0; w < ways.Length; w++)
        {
            Console.WriteLine($"{ways[w].Name,-10} wall {Median(walls[w]),6:F0} ns ({Median(walls[w]) / Median(walls[0]):F2}x)  cpu {Median(cpus[w]),6:F0} ns ({Median(cpus[w]) / Median(cpus[0]):F2}x)");
        }
    }

    /// <summary>
    /// Planning against the whole compute (`planning` argument): per task, the median wall time of planning
    /// alone (the walk that maps the shared graph to the compute's arrays, and giving the arrays back) and
    /// of a whole compute, alternately, at <paramref name="n"/> and ten times as many.
    /// </summary>
    public static void Planning(int n, int repeats)
    {
        Console.WriteLine($"planning, medians per task; load {LoadAverage()}");
        Console.WriteLine($"{"shape",-6} {"tasks",10} {"plan ns",8} {"compute ns",11} {"plan share",11}");
        foreach (int count in new[] { n, 10 * n })
        {
            foreach (Shape shape in Enum.GetValues<Shape>())
            {
                int tasks = Graphs.TaskCount(shape, count);
                Delayed<long> graph = Graphs.Build(shape, count);
                var targets = new DelayedNode[] { graph };
                var plans = new double[repeats];
                var computes = new double[repeats];
                WarmUp(() => PlanOnly(targets));
                WarmUp(() => graph.Compute());
                for (int r = 0; r < repeats; r++)
                {
                    plans[r] = Measure(() => PlanOnly(targets), tasks).Wall;
                    computes[r] = Measure(() => graph.Compute(), tasks).Wall;
                }

                double planned = Median(plans);
                double computed = Median(computes);
                Console.WriteLine($"{shape,-6} {tasks,10:N0} {planned,8:F0} {computed,11:F0} {planned / computed,11:P0}");
            }
        }
    }

    /// <summary>
    /// Building per node: wide (calls on constants) and chains, at <paramref name="n"/> and ten times as
    /// many; beside them the storage floors, plain objects and node entries in chunks (<see cref="ChunkedNodes"/>).
    /// </summary>
    public static void Building(int n, int repeats)
    {
        Console.WriteLine($"building, medians per node; load {LoadAverage()}");
        foreach (int count in new[] { n, 10 * n })
        {
            var ways = new (string Name, Func<long> Run)[]
            {
                ("wide", () => Graphs.Build(Shape.Wide, count).Key.Length),
                ("chain", () => Graphs.Build(Shape.Chain, count).Key.Length),
                ("plain", () => PlainNodes.Chain(count).ToString().Length),
                ("chunks, traced", () => ChunkedNodes.Chain(count, traced: true).ChunkCount),
                ("chunks, untraced", () => ChunkedNodes.Chain(count, traced: false).ChunkCount),
            };
            foreach (var way in ways)
            {
                var samples = new (double Wall, double Cpu, double Bytes, int Gen2, double Pause)[repeats];
                WarmUp(way.Run);
                for (int r = 0; r < repeats; r++)
                {
                    samples[r] = Measure(way.Run, count);
                }

                Console.WriteLine($"{way.Name,-16} {count,10:N0} {Median(samples.Select(s => s.Wall)),9:F0} ns {Median(samples.Select(s => s.Cpu)),9:F0} ns cpu {Median(samples.Select(s => s.Bytes)),7:F1} B {Median(samples.Select(s => s.Pause)),9:F0} ns gc");
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="run"/> for half a second at least (twice at least) before it is measured: the
    /// JIT's tiering promotes hot methods only after a delay, and a first measurement would time unoptimized code.
    /// </summary>
    private static void WarmUp(Func<long> run)
    {
        long started = Stopwatch.GetTimestamp();
        for (int runs = 0; runs < 2 || Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(0.5); runs++)
        {
            run();
        }
    }

    private static long PlanOnly(DelayedNode[] targets)
    {
        Scheduling.ComputePlan plan = Scheduling.ComputePlan.Build(targets, separateBlocking: true, countMethods: false);
        Scheduling.BackPressure.OrderSources(plan, Environment.ProcessorCount);
        int count = plan.Table.Count;
        plan.Return();
        return count;
    }

    private static (double Wall, double Cpu, double Bytes, int Gen2, double Pause) Measure(Func<long> run, int tasks)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        long bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        int gen2Before = GC.CollectionCount(2);
        TimeSpan pauseBefore = GC.GetTotalPauseDuration();
        long started = Stopwatch.GetTimestamp();
        run();
        TimeSpan wall = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        TimeSpan cpu = process.TotalProcessorTime - cpuBefore;
        return (
            wall.TotalNanoseconds / tasks,
            cpu.TotalNanoseconds / tasks,
            (double)(GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / tasks,
            GC.CollectionCount(2) - gen2Before,
            (GC.GetTotalPauseDuration() - pauseBefore).TotalNanoseconds / tasks);
    }

    private static double Median(System.Collections.Generic.IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    internal static string LoadAverage()
        => System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}

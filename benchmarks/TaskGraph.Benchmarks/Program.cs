using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TaskGraph.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["loop", string shapeName, string count])
        {
            // For a profiler: computes one prebuilt graph over and over.
            Delayed<long> graph = Graphs.Build(System.Enum.Parse<Shape>(shapeName), int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
            for (int i = 0; i < 300; i++)
            {
                graph.Compute();
            }

            return;
        }

        if (args is ["building"])
        {
            Probe.Building(100_000, 7);
            return;
        }

        if (args is ["planning"])
        {
            Probe.Planning(100_000, 9);
            return;
        }

        if (args is ["speedup"])
        {
            Probe.SpeedUp(15);
            return;
        }

        if (args is ["memory"])
        {
            MemoryReduction.Run();
            return;
        }

        if (args is ["probe", ..])
        {
            Probe.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 7);
            return;
        }

        // A short job (the machine is shared: minutes, not hours), run in-process so no project is rebuilt per benchmark.
        IConfig config = DefaultConfig.Instance
            .AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(9)
                .WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}

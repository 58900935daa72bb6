using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TaskGraph.Dashboard;

namespace TaskGraph.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["loop", string shapeName, string count, .. var watch])
        {
            // For a profiler: computes one prebuilt graph over and over (with "dashboard": observed by one).
            Delayed<long> graph = Graphs.Build(System.Enum.Parse<Shape>(shapeName), int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
            var dashboard = watch is ["dashboard"] ? TaskGraphDashboard.StartAsync(new DashboardOptions { Port = 0 }).GetAwaiter().GetResult() : null;
            var options = dashboard is null ? ComputeOptions.Default : ComputeOptions.Default.WithDashboard(dashboard);
            for (int i = 0; i < 300; i++)
            {
                graph.Compute(options);
            }

            dashboard?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return;
        }

        if (args is ["observers"])
        {
            Probe.Observers(100_000, 101);
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

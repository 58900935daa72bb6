using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TaskGraph.Orleans;

namespace Distributed.Benchmarks;

public static class Program
{
    public static async System.Threading.Tasks.Task Main(string[] args)
    {
        // The cluster's workers are this program started again.
        if (await LocalCluster.RunWorkerIfAskedAsync(typeof(Program).Assembly, typeof(FlightsEtl.FlightsGraph).Assembly))
        {
            return;
        }

        if (args is ["locality", string rows])
        {
            await FlightsLocality.RunAsync(long.Parse(rows, System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        // In process: the workers must be started by this program, not by a generated benchmark host.
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}

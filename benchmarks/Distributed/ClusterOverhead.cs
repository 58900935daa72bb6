using BenchmarkDotNet.Attributes;
using TaskGraph;
using TaskGraph.Orleans;

namespace Distributed.Benchmarks;

/// <summary>
/// The same prebuilt graph computed in this process (the baseline) and on a local cluster of two worker processes,
/// with linear chains fused into one remote task and not. Per task on the cluster = mean / tasks.
/// </summary>
public class ClusterOverhead
{
    private LocalCluster cluster = null!;
    private ComputeOptions fused = null!;
    private ComputeOptions unfused = null!;
    private Delayed<long> graph = null!;

    [Params("wide-10000", "chain-1000")]
    public string Graph { get; set; } = "";

    [GlobalSetup]
    public void StartCluster()
    {
        cluster = LocalCluster.StartAsync(2).GetAwaiter().GetResult();
        fused = new ComputeOptions { Scheduler = cluster.Scheduler };
        unfused = new ComputeOptions { Scheduler = new TaskGraphCluster(cluster.Client, new TaskGraphClusterOptions { FuseChains = false }) };
        graph = Graph == "wide-10000" ? TinyTasks.Wide(10_000) : TinyTasks.Chain(1_000);
    }

    [GlobalCleanup]
    public void StopCluster() => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public long OneProcess() => graph.Compute();

    [Benchmark]
    public long ClusterFused() => graph.ComputeAsync(fused).GetAwaiter().GetResult();

    [Benchmark]
    public long ClusterUnfused() => graph.ComputeAsync(unfused).GetAwaiter().GetResult();
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Orleans.Wire;
using Xunit;

namespace TaskGraph.Orleans.Tests;

/// <summary>
/// Four silos, of which each test kills one secondary (the primary holds the test cluster's membership): its own
/// cluster, so the other tests keep two healthy silos.
/// </summary>
public sealed class FourSiloCluster : ClusterFixture
{
    public FourSiloCluster()
        : base(4)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class FourSiloCollection : ICollectionFixture<FourSiloCluster>
{
    public const string Name = "Four silos";
}

/// <summary>A silo dies mid-compute: its running tasks and the results it alone held are recomputed from lineage on the survivors; when it coordinated the compute, the compute runs again.</summary>
[Collection(FourSiloCollection.Name)]
public sealed class SiloLossTests
{
    private readonly FourSiloCluster fixture;

    public SiloLossTests(FourSiloCluster fixture) => this.fixture = fixture;

    [Fact]
    public async Task A_killed_silos_tasks_and_held_results_are_recomputed_and_the_result_is_the_local_one()
    {
        var stations = Enumerable.Range(0, 9).Select(i => $"lost-{i}-{Guid.NewGuid():N}").ToList();
        var holds = stations.Select(s => ClusterGraphs.HoldDelayed(ClusterGraphs.LoadDelayed(s, 20_000))).ToList();
        var total = ClusterGraphs.TotalDelayed(holds);
        double expected = ClusterGraphs.Total(stations.Select(s => ClusterGraphs.Load(s, 20_000).Values.Sum()).ToList());
        foreach (var station in stations)
        {
            ClusterGraphs.Runs.TryRemove("Load:" + station, out _);
        }

        var started = new List<ComputeEvent>();
        var cluster = new TaskGraphCluster(fixture.Cluster.Client) { EventTap = e => { lock (started) { started.Add(e); } } };
        ClusterGraphs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var computing = total.ComputeAsync(new ComputeOptions { Scheduler = cluster });
            await ClusterComputeTests.WaitUntil(() => Volatile.Read(ref ClusterGraphs.Running) == holds.Count);

            // Kill a silo that runs some of the held tasks and does not coordinate. Events reach the client in
            // batches, so wait until every hold's start has arrived, not only until the holds run.
            var graph = Execution.GraphExport.Export(new DelayedNode[] { total });
            string[] HoldSilos()
            {
                lock (started)
                {
                    return started.Where(e => e.Kind == ComputeEventKind.Started && graph.Tasks[e.Task].MethodId!.Contains("Hold", StringComparison.Ordinal)).Select(e => e.Silo!).ToArray();
                }
            }

            await ClusterComputeTests.WaitUntil(() => HoldSilos().Length >= holds.Count);
            string[] holdSilos = HoldSilos().Distinct().ToArray();

            var victim = fixture.Cluster.SecondarySilos.First(s => s.SiloAddress.ToString() != cluster.LastCoordinator && holdSilos.Contains(s.SiloAddress.ToString()));
            await fixture.Cluster.KillSiloAsync(victim);
            ClusterGraphs.Gate.SetResult();

            Assert.Equal(expected, await computing.WaitAsync(TimeSpan.FromSeconds(60)));
            // Lineage: the loads whose results died with the silo ran again on a survivor.
            Assert.Contains(stations, s => ClusterGraphs.Runs["Load:" + s] == 2);
            Assert.All(stations, s => Assert.InRange(ClusterGraphs.Runs["Load:" + s], 1, 2));
        }
        finally
        {
            ClusterGraphs.Gate = ClusterGraphs.Open();
        }
    }

    [Fact]
    public async Task A_compute_whose_coordinators_silo_is_killed_runs_again_on_a_survivor_and_gives_the_local_result()
    {
        var stations = Enumerable.Range(0, 6).Select(i => $"coordinated-{i}-{Guid.NewGuid():N}").ToList();
        var holds = stations.Select(s => ClusterGraphs.HoldDelayed(ClusterGraphs.LoadDelayed(s, 1_000))).ToList();
        var total = ClusterGraphs.TotalDelayed(holds);
        double expected = await total.ComputeAsync();
        foreach (var station in stations)
        {
            ClusterGraphs.Runs.TryRemove("Load:" + station, out _);
        }

        ClusterGraphs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var observer = new RecordingObserver();
            var (cluster, computing, victim) = await ComputeCoordinatedByASecondary(total, new ComputeOptions { Observers = new[] { observer } });
            await fixture.Cluster.KillSiloAsync(victim);
            ClusterGraphs.Gate.SetResult();

            Assert.Equal(expected, await computing.WaitAsync(TimeSpan.FromSeconds(60)));
            Assert.NotEqual(victim.SiloAddress.ToString(), cluster.LastCoordinator);
            // Every task ran again under the new coordinator, yet the observers heard of each completion once.
            Assert.All(stations, s => Assert.True(ClusterGraphs.Runs["Load:" + s] >= 2));
            int tasks = Execution.GraphExport.Export(new DelayedNode[] { total }).Tasks.Count;
            Assert.Equal(tasks, observer.Calls.Count(c => c.StartsWith("completed:", StringComparison.Ordinal)));
            Assert.Equal("finished:Succeeded", observer.Calls.Last());
        }
        finally
        {
            ClusterGraphs.Gate = ClusterGraphs.Open();
        }
    }

    /// <summary>
    /// Starts <paramref name="target"/> (its tasks wait at the closed gate) until its coordinator lands on a secondary
    /// silo: the coordinator lives on the silo the client's call reached, which the test cannot choose.
    /// </summary>
    private async Task<(TaskGraphCluster Cluster, Task<double> Computing, global::Orleans.TestingHost.SiloHandle Coordinator)> ComputeCoordinatedByASecondary(Delayed<double> target, ComputeOptions options)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            var cluster = new TaskGraphCluster(fixture.Cluster.Client, new TaskGraphClusterOptions { CoordinatorCheckInterval = TimeSpan.FromMilliseconds(200) });
            var cancel = new CancellationTokenSource();
            var computing = target.ComputeAsync(options with { Scheduler = cluster }, cancel.Token);
            await ClusterComputeTests.WaitUntil(() => cluster.LastCoordinator is not null && Volatile.Read(ref ClusterGraphs.Running) > 0);
            var secondary = fixture.Cluster.SecondarySilos.FirstOrDefault(s => s.SiloAddress.ToString() == cluster.LastCoordinator);
            if (secondary is not null)
            {
                return (cluster, computing, secondary);
            }

            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => computing);
            await ClusterComputeTests.WaitUntil(() => Volatile.Read(ref ClusterGraphs.Running) == 0);
        }

        throw new InvalidOperationException("Twenty computes in a row were coordinated by the primary silo.");
    }
}

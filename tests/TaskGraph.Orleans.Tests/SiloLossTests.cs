using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Orleans.Wire;
using Xunit;

namespace TaskGraph.Orleans.Tests;

/// <summary>Three silos, one of which a test kills: its own cluster, so the other tests keep two healthy silos.</summary>
public sealed class ThreeSiloCluster : ClusterFixture
{
    public ThreeSiloCluster()
        : base(3)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class ThreeSiloCollection : ICollectionFixture<ThreeSiloCluster>
{
    public const string Name = "Three silos";
}

/// <summary>A silo dies mid-compute: its running tasks and the results it alone held are recomputed from lineage on the survivors.</summary>
[Collection(ThreeSiloCollection.Name)]
public sealed class SiloLossTests
{
    private readonly ThreeSiloCluster fixture;

    public SiloLossTests(ThreeSiloCluster fixture) => this.fixture = fixture;

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

            // Kill a silo that runs some of the held tasks and does not coordinate.
            var graph = Execution.GraphExport.Export(new DelayedNode[] { total });
            string[] holdSilos;
            lock (started)
            {
                holdSilos = started.Where(e => e.Kind == ComputeEventKind.Started && graph.Tasks[e.Task].MethodId!.Contains("Hold", StringComparison.Ordinal)).Select(e => e.Silo!).Distinct().ToArray();
            }

            var victim = fixture.Cluster.GetActiveSilos().First(s => s.SiloAddress.ToString() != cluster.LastCoordinator && holdSilos.Contains(s.SiloAddress.ToString()));
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
}

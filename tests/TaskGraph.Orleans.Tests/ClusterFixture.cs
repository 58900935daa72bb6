using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using TaskGraph.Execution;
using TaskGraph.Orleans.Wire;
using Xunit;

namespace TaskGraph.Orleans.Tests;

/// <summary>
/// One in-process test cluster shared by a test collection (starting one takes 4-5 s). Membership is tightened
/// (probe timeout 1 s, 2 missed probes, 1 vote) so that a killed silo is declared dead in about a second.
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private readonly short silos;

    protected ClusterFixture(short silos) => this.silos = silos;

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(silos);
        builder.AddSiloBuilderConfigurator<SiloSetup>();
        builder.AddClientBuilderConfigurator<ClientSetup>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Computes <paramref name="targets"/> on the cluster as a user would (the cluster as the scheduler), collecting the events streamed back.</summary>
    internal async Task<(T[] Values, List<ComputeEvent> Events, ExportedGraph Graph)> ComputeAsync<T>(
        IEnumerable<Delayed<T>> targets, TaskGraphClusterOptions? clusterOptions = null, ComputeOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = targets.ToList();
        var events = new List<ComputeEvent>();
        var cluster = new TaskGraphCluster(Cluster.Client, clusterOptions) { EventTap = e => { lock (events) { events.Add(e); } } };
        var values = await Delayed.ComputeAsync(list, (options ?? ComputeOptions.Default) with { Scheduler = cluster }, cancellationToken);
        Coordinator = cluster.LastCoordinator;
        Traffic = cluster.Traffic;
        lock (events)
        {
            // The export is deterministic: the same indexes as the one the scheduler submitted.
            return (values, events.ToList(), GraphExport.Export(list));
        }
    }

    /// <summary>The coordinator's silo of the last compute.</summary>
    public string? Coordinator { get; private set; }

    /// <summary>What the last compute moved between silos.</summary>
    public ComputeTraffic Traffic { get; private set; }

    private sealed class SiloSetup : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddTaskGraphWorkers(typeof(ClusterGraphs).Assembly);
            siloBuilder.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
            });
        }
    }

    private sealed class ClientSetup : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddTaskGraph();
    }
}

/// <summary>Two silos, for the scheduling logic.</summary>
public sealed class TwoSiloCluster : ClusterFixture
{
    public TwoSiloCluster()
        : base(2)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class TwoSiloCollection : ICollectionFixture<TwoSiloCluster>
{
    public const string Name = "Two silos";
}

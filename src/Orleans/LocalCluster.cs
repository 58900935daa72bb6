using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// N worker processes on loopback and a client to them, the analogue of Dask's <c>Client(n_workers=N)</c>: each
/// worker is this same program, started again and told (by an environment variable) to be a silo; disposing the
/// cluster stops them. The program's first statement must be <c>if (await LocalCluster.RunWorkerIfAskedAsync()) return;</c>.
/// </summary>
/// <example><code>
/// if (await LocalCluster.RunWorkerIfAskedAsync()) return;
/// await using var cluster = await LocalCluster.StartAsync(4);
/// double best = await Etl.ReductionDelayed(compared).ComputeAsync(new ComputeOptions { Scheduler = cluster.Scheduler });
/// </code></example>
public sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>Tells a started program that it is a worker, and its ports: silo, gateway, primary silo.</summary>
    internal const string WorkerVariable = "TASKGRAPH_LOCAL_WORKER";

    /// <summary>What a worker prints once its silo has started.</summary>
    internal const string ReadyLine = "taskgraph-worker-ready";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(10);

    private readonly List<LocalWorkerProcess> workers = new();
    private IHost? client;

    private LocalCluster()
    {
    }

    /// <summary>The scheduler that runs computes on these workers (<see cref="ComputeOptions.Scheduler"/>).</summary>
    public TaskGraphCluster Scheduler { get; private set; } = null!;

    /// <summary>The client connected to the workers (for a <see cref="TaskGraphCluster"/> with other options).</summary>
    public IClusterClient Client { get; private set; } = null!;

    /// <summary>How many worker processes run.</summary>
    public int Workers => workers.Count;

    /// <summary>Starts <paramref name="workers"/> copies of this program as silos on loopback and connects to them.</summary>
    /// <param name="workers">Worker processes, at least 1.</param>
    /// <param name="options">How the cluster runs computes; the defaults when null.</param>
    /// <param name="cancellationToken">Stops the start (the workers started so far are stopped).</param>
    /// <returns>The connected cluster; dispose it to stop the workers.</returns>
    public static Task<LocalCluster> StartAsync(int workers, TaskGraphClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("This process's program is unknown, so it cannot be started as a worker.");
        string? entry = Assembly.GetEntryAssembly()?.Location;
        // Under 'dotnet app.dll' the program is the host; the app is its first argument.
        var arguments = Path.GetFileNameWithoutExtension(host) == "dotnet" && !string.IsNullOrEmpty(entry) ? new[] { entry } : Array.Empty<string>();
        return StartAsync(workers, host, arguments, options, cancellationToken);
    }

    /// <summary>Starts <paramref name="workers"/> silos, each <paramref name="program"/> with <paramref name="arguments"/> (a program that calls <see cref="RunWorkerIfAskedAsync"/> first).</summary>
    internal static async Task<LocalCluster> StartAsync(int workers, string program, IReadOnlyList<string> arguments, TaskGraphClusterOptions? options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var cluster = new LocalCluster();
        try
        {
            int primaryPort = FreePort();
            var ports = Enumerable.Range(0, workers).Select(i => (Silo: i == 0 ? primaryPort : FreePort(), Gateway: FreePort())).ToList();
            // The first silo holds membership (development clustering): the others join it once it is up.
            cluster.workers.Add(LocalWorkerProcess.Start(program, arguments, ports[0].Silo, ports[0].Gateway, primaryPort));
            await cluster.workers[0].Ready.WaitAsync(StartLimit, cancellationToken).ConfigureAwait(false);
            cluster.workers.AddRange(ports.Skip(1).Select(p => LocalWorkerProcess.Start(program, arguments, p.Silo, p.Gateway, primaryPort)));
            await Task.WhenAll(cluster.workers.Select(w => w.Ready)).WaitAsync(StartLimit, cancellationToken).ConfigureAwait(false);

            cluster.client = new HostBuilder()
                .UseOrleansClient(c => c.UseLocalhostClustering(ports.Select(p => p.Gateway).ToArray()).AddTaskGraph())
                .Build();
            await cluster.client.StartAsync(cancellationToken).ConfigureAwait(false);
            var orleans = cluster.client.Services.GetRequiredService<IClusterClient>();
            await WaitForSilos(orleans, workers, cancellationToken).ConfigureAwait(false);
            cluster.Client = orleans;
            cluster.Scheduler = new TaskGraphCluster(orleans, options);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// In a worker that <see cref="StartAsync(int, TaskGraphClusterOptions?, CancellationToken)"/> started: runs its silo until the
    /// cluster is disposed (or the program that started it dies), then returns true. Anywhere else: returns false at once.
    /// </summary>
    /// <param name="assemblies">The assemblies whose <c>[Delayed]</c> methods the worker runs; the entry assembly when none is given.</param>
    /// <returns>Whether this process was a worker (the program should then end).</returns>
    public static async Task<bool> RunWorkerIfAskedAsync(params Assembly[] assemblies)
    {
        if (Environment.GetEnvironmentVariable(WorkerVariable) is not { } ports)
        {
            return false;
        }

        int[] port = ports.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        using var silo = new HostBuilder()
            .UseOrleans(s => s
                .UseLocalhostClustering(port[0], port[1], new IPEndPoint(IPAddress.Loopback, port[2]))
                .Configure<ClusterMembershipOptions>(o =>
                {
                    // A dead worker is declared so in about a second (loopback: probes do not get lost).
                    o.ProbeTimeout = TimeSpan.FromSeconds(1);
                    o.NumMissedProbesLimit = 2;
                    o.NumVotesForDeathDeclaration = 1;
                })
                .AddTaskGraphWorkers(assemblies.Length > 0 ? assemblies : new[] { Assembly.GetEntryAssembly()! }))
            .Build();
        await silo.StartAsync().ConfigureAwait(false);
        await Console.Out.WriteLineAsync(ReadyLine).ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);
        // The starter holds this pipe open: it closes when the cluster is disposed, and when the starter dies.
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
        }

        using var stopping = new CancellationTokenSource(StopLimit);
        await silo.StopAsync(stopping.Token).ConfigureAwait(false);
        return true;
    }

    /// <summary>Disconnects, then stops every worker (killing one that does not stop within 10 s).</summary>
    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            using var stopping = new CancellationTokenSource(StopLimit);
            await client.StopAsync(stopping.Token).ConfigureAwait(false);
            client.Dispose();
            client = null;
        }

        // Secondaries first: a primary stopping first would leave them without membership.
        foreach (var worker in Enumerable.Reverse(workers))
        {
            await worker.StopAsync(StopLimit).ConfigureAwait(false);
        }

        workers.Clear();
    }

    private static async Task WaitForSilos(IClusterClient client, int count, CancellationToken cancellationToken)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartLimit);
        while ((await management.GetHosts(onlyActive: true).ConfigureAwait(false)).Count < count)
        {
            await Task.Delay(50, limit.Token).ConfigureAwait(false);
        }
    }

    /// <summary>A loopback port that was free a moment ago.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

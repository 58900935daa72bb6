using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using TaskGraph.Orleans.Wire;
using TaskGraph.Orleans.Worker;
using Xunit;

namespace TaskGraph.Orleans.Tests;

/// <summary>End to end: two silo processes on loopback and a client in this process; one silo is SIGKILLed mid-compute.</summary>
public sealed class ProcessClusterTests
{
    private const int Parts = 16;

    private readonly Xunit.Abstractions.ITestOutputHelper output;

    public ProcessClusterTests(Xunit.Abstractions.ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task A_silo_process_killed_mid_compute_leaves_the_result_of_a_local_compute()
    {
        int primaryPort = SiloProcess.FreePort(), primaryGateway = SiloProcess.FreePort();
        int secondPort = SiloProcess.FreePort(), secondGateway = SiloProcess.FreePort();
        using var primary = await SiloProcess.StartAsync(primaryPort, "localhost", Text(primaryPort), Text(primaryGateway), Text(primaryPort));
        using var second = await SiloProcess.StartAsync(secondPort, "localhost", Text(secondPort), Text(secondGateway), Text(primaryPort));
        using var client = Host.CreateDefaultBuilder()
            .UseOrleansClient(c => c.UseLocalhostClustering(primaryGateway).AddTaskGraph())
            .Build();
        await client.StartAsync();
        var orleans = client.Services.GetRequiredService<IClusterClient>();
        await WaitForSilos(orleans, 2);

        var parts = Enumerable.Range(0, Parts).Select(i => WorkerGraphs.SummarizeDelayed(WorkerGraphs.LoadDelayed(i, 5_000, 300), 300)).ToList();
        var total = WorkerGraphs.TotalDelayed(parts);
        var events = new List<ComputeEvent>();
        // Two in flight per silo: the parts run in rounds, so the kill comes while the second silo holds results and has work queued.
        var cluster = new TaskGraphCluster(orleans, new TaskGraphClusterOptions { MaxInFlightPerSilo = 2 }) { EventTap = e => { lock (events) { events.Add(e); } } };

        var computing = total.ComputeAsync(new ComputeOptions { Scheduler = cluster });
        // Kill the second silo once it holds results (a load finished there) and still has work.
        await ClusterComputeTests.WaitUntil(() => { lock (events) { return events.Any(e => e.Kind == ComputeEventKind.Completed && second.Is(e.Silo)); } });
        second.Kill();
        var sinceKill = System.Diagnostics.Stopwatch.StartNew();
        double result = await computing.WaitAsync(TimeSpan.FromSeconds(120));
        output.WriteLine($"From SIGKILL to the compute's end: {sinceKill.ElapsedMilliseconds} ms");

        double local = await total.ComputeAsync();
        Assert.Equal(local, result);
        lock (events)
        {
            // The lost silo's work ran again: more starts than tasks, the extra ones on the survivor.
            int tasks = Execution.GraphExport.Export(new DelayedNode[] { total }).Tasks.Count;
            Assert.True(events.Count(e => e.Kind == ComputeEventKind.Started) > tasks);
        }
    }

    internal static async Task WaitForSilos(IClusterClient client, int count)
    {
        var management = client.GetGrain<IManagementGrain>(0);
        await ClusterComputeTests.WaitUntil(() => management.GetHosts(onlyActive: true).GetAwaiter().GetResult().Count == count);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using TaskGraph.Orleans.Wire;
using TaskGraph.Orleans.Worker;
using Xunit;

namespace TaskGraph.Orleans.Tests;

/// <summary>Membership beyond one machine: silo processes and the client find each other through Redis (on loopback here).</summary>
public sealed class RedisMembershipTests
{
    [SkippableFact]
    public async Task Silos_joined_through_redis_share_a_compute_and_give_the_local_result()
    {
        var (redis, unavailable) = await RedisServer.StartAsync();
        Skip.If(redis is null, unavailable);
        using (redis)
        {
            int firstPort = SiloProcess.FreePort(), secondPort = SiloProcess.FreePort();
            using var first = await SiloProcess.StartAsync(firstPort, "redis", Text(firstPort), Text(SiloProcess.FreePort()), redis!.ConnectionString);
            using var second = await SiloProcess.StartAsync(secondPort, "redis", Text(secondPort), Text(SiloProcess.FreePort()), redis.ConnectionString);
            using var client = Host.CreateDefaultBuilder()
                .UseOrleansClient(c => c.UseRedisClustering(redis.ConnectionString)
                    .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("taskgraph-tests", "taskgraph-tests"))
                    .AddTaskGraph())
                .Build();
            await client.StartAsync();
            var orleans = client.Services.GetRequiredService<IClusterClient>();
            await ProcessClusterTests.WaitForSilos(orleans, 2);

            var total = WorkerGraphs.TotalDelayed(Enumerable.Range(0, 8).Select(i => WorkerGraphs.SummarizeDelayed(WorkerGraphs.LoadDelayed(i, 1_000, 50), 50)));
            var events = new List<ComputeEvent>();
            var cluster = new TaskGraphCluster(orleans, new TaskGraphClusterOptions { MaxInFlightPerSilo = 2 }) { EventTap = e => { lock (events) { events.Add(e); } } };

            double result = await total.ComputeAsync(new ComputeOptions { Scheduler = cluster });

            Assert.Equal(await total.ComputeAsync(), result);
            lock (events)
            {
                Assert.Contains(events, e => first.Is(e.Silo));
                Assert.Contains(events, e => second.Is(e.Silo));
            }
        }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}

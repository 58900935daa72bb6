using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace TaskGraph.Orleans.Worker;

/// <summary>
/// Runs one silo: <c>localhost SILO_PORT GATEWAY_PORT PRIMARY_PORT</c> (development clustering; the silo whose
/// port is PRIMARY_PORT holds membership) or <c>redis SILO_PORT GATEWAY_PORT REDIS_CONNECTION</c>.
/// Prints <c>ready</c> once the silo has started. Membership is tightened so a killed silo is declared dead in about a second.
/// </summary>
public static class Program
{
    public static async Task Main(string[] args)
    {
        int siloPort = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        int gatewayPort = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
        var host = Host.CreateDefaultBuilder()
            .UseOrleans(silo =>
            {
                if (args[0] == "redis")
                {
                    silo.UseRedisClustering(args[3])
                        .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("taskgraph-tests", "taskgraph-tests"))
                        .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
                }
                else
                {
                    int primaryPort = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
                    silo.UseLocalhostClustering(siloPort, gatewayPort, new IPEndPoint(IPAddress.Loopback, primaryPort));
                }

                silo.Configure<ClusterMembershipOptions>(o =>
                    {
                        o.ProbeTimeout = TimeSpan.FromSeconds(1);
                        o.NumMissedProbesLimit = 2;
                        o.NumVotesForDeathDeclaration = 1;
                    })
                    .AddTaskGraphWorkers(typeof(WorkerGraphs).Assembly);
            })
            .Build();
        await host.StartAsync();
        Console.WriteLine("ready");
        await host.WaitForShutdownAsync();
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FlightsEtl;
using TaskGraph.Orleans;

namespace Distributed.Benchmarks;

/// <summary>
/// Locality on the flights graph (samples/FlightsEtl): the bytes its tasks fetched from another silo against the
/// bytes of all the results they produced, on a local cluster of two workers. Not timed: counted by the coordinator.
/// </summary>
public static class FlightsLocality
{
    public static async Task RunAsync(long rows)
    {
        string directory = Path.Combine(Path.GetTempPath(), "taskgraph-locality");
        var data = DataGenerator.GenerateOrReuse(new GeneratorSettings(Path.Combine(directory, "data"), rows, 10, 1990));
        var target = new SqliteTarget(Path.Combine(directory, "flights.db"), "flights");
        await using var cluster = await LocalCluster.StartAsync(2);
        var inputs = new PipelineInputs(data.Files, new FlightReadOptions(), BatchTransform.DefaultBatchSize, TimeSpan.Zero, target) { Cluster = cluster };

        var run = await FlightsGraph.RunAsync(inputs, SilentProgress.Instance, CancellationToken.None);

        var traffic = cluster.Scheduler.Traffic;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"flights graph, {rows:N0} rows in 10 files, {run.Batches} batches, 2 workers: results {traffic.BytesProduced:N0} B, moved between silos {traffic.BytesMoved:N0} B ({(double)traffic.BytesMoved / traffic.BytesProduced:P1})"));
    }
}

using System;
using System.Linq;
using System.Threading;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

public sealed class PipelineEndToEndTests
{
    [Fact]
    public void The_baselines_compute_what_plain_linq_computes_over_the_same_files_and_load_every_row()
    {
        using var directory = new TempDirectory();
        var data = DataGenerator.GenerateOrReuse(new GeneratorSettings(directory.File("data"), 20_000, 4, 1990));
        var target = new SqliteTarget(directory.File("flights.db"), "flights");
        var inputs = new PipelineInputs(data.Files, new FlightReadOptions(), 4000, TimeSpan.Zero, target);
        var expected = FlightsReference.Compute(data.Files);

        var sequential = Baseline.Sequential().Run(inputs, SilentProgress.Instance, CancellationToken.None);
        var pool = Baseline.Pool(4).Run(inputs, SilentProgress.Instance, CancellationToken.None);

        Assert.Equal(20_000, expected.Rows);
        Assert.Equal(expected.Rows, sequential.Summary.Rows);
        Assert.Equal(expected.NonCancelled - 0, sequential.Summary.NonCancelled.Count);
        FlightsReference.AssertClose(expected.Mean, sequential.Summary.MeanDepDelay);
        FlightsReference.AssertClose(expected.Std, sequential.Summary.StdDepDelay);
        FlightsReference.AssertClose(expected.ImputationMean, sequential.Summary.ImputationMean);
        Assert.Equal(20_000, sequential.LoadedRows);
        Assert.Equal(5, sequential.Batches);
        Assert.Equal(PipelineStages.All, sequential.StageTimes.Keys.Order());

        Assert.Equal(sequential.Summary, pool.Summary); // same per-file aggregates merged in file order: bit for bit
        Assert.Equal(20_000, pool.LoadedRows);
        Assert.DoesNotContain("flights_baseline", DatabaseContents.Tables(target.DatabasePath));
    }
}

using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CustomEtl;
using Xunit;

namespace Samples.Tests.CustomEtl;

public sealed class CustomEtlJobTests
{
    // Latencies at a thousandth of the seed's keep the whole example in milliseconds.
    private const double FastTimeScale = 0.001;

    [Fact]
    public async Task The_small_example_gives_the_same_result_in_parallel_and_sequentially()
    {
        var options = new CustomEtlOptions(new[] { EtlExample.Small }, Seed: 42, FastTimeScale);

        var report = Assert.Single(await CustomEtlJob.RunAsync(options, TextWriter.Null, CancellationToken.None));

        Assert.Equal(report.SequentialResult, report.Result);
        Assert.InRange(report.Result, 0.0, 1.0);
    }

    [Fact]
    public async Task Every_task_of_the_seed_graph_runs_once()
    {
        EtlExample example = EtlExample.Small;
        var options = new CustomEtlOptions(new[] { example }, Seed: 42, FastTimeScale);

        var report = Assert.Single(await CustomEtlJob.RunAsync(options, TextWriter.Null, CancellationToken.None));

        // loads + reference + processes + rolls + comparisons + the list of scores + the reduction;
        // the shared reference and the rolled datasets picked by several comparisons count once.
        int expected = example.Files + 1 + example.Files + (example.Files - 2) + example.Comparisons + 1 + 1;
        Assert.Equal(expected, report.TaskCount);
    }

    [Fact]
    public void The_seed_decides_the_result()
    {
        static double ResultOf(int seed) => EtlGraph.Build<EtlTasks>(EtlExample.Small, seed, timeScale: 0).Compute();

        Assert.Equal(ResultOf(1), ResultOf(1));
        Assert.NotEqual(ResultOf(1), ResultOf(2));
    }

    [Fact]
    public async Task The_report_table_names_each_example()
    {
        var output = new StringWriter();
        var options = new CustomEtlOptions(new[] { EtlExample.Small }, Seed: 42, FastTimeScale);

        await CustomEtlJob.RunAsync(options, output, CancellationToken.None);

        string text = output.ToString();
        Assert.Contains("critical path", text, StringComparison.Ordinal);
        Assert.Contains("small", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_the_job()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var options = new CustomEtlOptions(new[] { EtlExample.Small }, Seed: 42, TimeScale: 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CustomEtlJob.RunAsync(options, TextWriter.Null, cancellation.Token));
    }
}

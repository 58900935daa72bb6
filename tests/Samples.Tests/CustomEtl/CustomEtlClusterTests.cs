using System;
using System.Linq;
using System.Threading.Tasks;
using Samples.Tests.FlightsEtl;
using Xunit;

namespace Samples.Tests.CustomEtl;

/// <summary><c>--cluster N</c>: the parallel computes on N local worker processes (Orleans silos on loopback).</summary>
public sealed class CustomEtlClusterTests
{
    [Fact]
    public async Task A_run_on_a_two_worker_cluster_says_so_and_computes_the_results_of_a_run_in_one_process()
    {
        string[] arguments = ["--example", "small", "--time-scale", "0", "--no-progress"];
        using var local = FlightsProcess.StartSample("CustomEtl", arguments);
        Assert.Equal(0, await local.WaitAsync());
        using var cluster = FlightsProcess.StartSample("CustomEtl", [.. arguments, "--cluster", "2"]);
        Assert.Equal(0, await cluster.WaitAsync());

        Assert.Contains("on a local cluster of 2 worker processes", cluster.Output, StringComparison.Ordinal);
        // The table's example, task count and result columns agree; the times differ.
        Assert.Equal(ResultColumns(local.Output), ResultColumns(cluster.Output));
    }

    private static string[] ResultColumns(string output)
        => output.Split('\n')
            .Where(line => line.StartsWith("small ", StringComparison.Ordinal))
            .Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3)))
            .ToArray() is { Length: 1 } rows ? rows : throw new InvalidOperationException("No single result row in:\n" + output);
}

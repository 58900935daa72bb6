using System.Threading.Tasks;
using Xunit;

namespace Samples.Tests.FlightsEtl;

/// <summary><c>--cluster N</c>: the same flights graph on N local worker processes (Orleans silos on loopback).</summary>
public sealed class ClusterRunTests
{
    [Fact]
    public async Task A_run_on_a_two_worker_cluster_says_so_and_writes_the_table_of_a_run_in_one_process()
    {
        using var directory = new TempDirectory();
        string[] Arguments(string database, params string[] more)
            => [.. new[] { "--rows", "20000", "--files", "4", "--no-baselines", "--no-log", "--data", directory.File("data"), "--db", directory.File(database) }, .. more];

        using var local = FlightsProcess.Start(Arguments("local.db"));
        Assert.Equal(0, await local.WaitAsync());
        using var cluster = FlightsProcess.Start(Arguments("cluster.db", "--cluster", "2"));
        Assert.Equal(0, await cluster.WaitAsync());

        Assert.Contains("TaskGraph on 2 workers processing time", cluster.Output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("workers processing time", local.Output, System.StringComparison.Ordinal);
        var expected = DatabaseContents.Results(directory.File("local.db"), "flights");
        Assert.Equal(20_000, expected.Count);
        Assert.Equal(expected, DatabaseContents.Results(directory.File("cluster.db"), "flights"));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

public sealed class SqliteLoaderTests
{
    [Fact]
    public void Loads_every_row_in_order_reporting_about_every_10000_and_leaves_no_other_table()
    {
        using var directory = new TempDirectory();
        var target = new SqliteTarget(directory.File("t.db"), "results");
        var batches = Batches(25_000, 4_000);
        var reports = new List<long>();

        long loaded = SqliteLoader.Replace(target, batches, new SynchronousProgress(reports.Add));

        Assert.Equal(25_000, loaded);
        Assert.Equal(new long[] { 157 * 64, 313 * 64, 25_000 }, reports); // at the first 64-row statement past each 10,000, and at the end
        Assert.Equal(25_000, SqliteLoader.CountRows(target));
        Assert.Equal(batches.SelectMany(batch => batch), DatabaseContents.Results(target.DatabasePath, target.Table));
        Assert.Equal(new[] { "results" }, DatabaseContents.Tables(target.DatabasePath));
        Assert.Equal("BIGINT", DatabaseContents.FirstColumnType(target.DatabasePath, target.Table)); // what pandas' to_sql declares for int64
    }

    [Fact]
    public void A_load_that_fails_midway_leaves_the_previous_result_whole_and_the_next_load_replaces_it()
    {
        using var directory = new TempDirectory();
        var target = new SqliteTarget(directory.File("t.db"), "results");
        SqliteLoader.Replace(target, Batches(12_345, 1_000));

        using var cancellation = new CancellationTokenSource();
        var failing = Batches(50_000, 4_000, offset: 1_000_000);
        // Stop after 20,000 rows, as Ctrl+C (or a kill) would midway through the load.
        var progress = new SynchronousProgress(inserted =>
        {
            if (inserted >= 20_000)
            {
                cancellation.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => SqliteLoader.Replace(target, failing, progress, cancellation.Token));

        Assert.Equal(Enumerable.Range(0, 12_345).Select(value => (long)value), DatabaseContents.Results(target.DatabasePath, target.Table));
        Assert.Equal(new[] { "results" }, DatabaseContents.Tables(target.DatabasePath));

        SqliteLoader.Replace(target, failing);
        Assert.Equal(50_000, SqliteLoader.CountRows(target));
        Assert.Equal(1_000_000, DatabaseContents.Results(target.DatabasePath, target.Table).First());
    }

    [Fact]
    public void An_input_of_no_rows_never_replaces_a_table()
    {
        using var directory = new TempDirectory();
        var target = new SqliteTarget(directory.File("t.db"), "results");
        SqliteLoader.Replace(target, Batches(500, 100));

        var error = Assert.Throws<JobRefusedException>(() => SqliteLoader.Replace(target, new List<long[]> { Array.Empty<long>() }));
        Assert.Contains("no flight rows", error.Message);
        Assert.Contains("table results in " + target.DatabasePath + " is left as it was", error.Message);
        Assert.Equal(Enumerable.Range(0, 500).Select(value => (long)value), DatabaseContents.Results(target.DatabasePath, target.Table));
    }

    [Theory]
    [InlineData("flights; DROP TABLE x")]
    [InlineData("\"flights\"")]
    [InlineData("1flights")]
    [InlineData("sqlite_master")]
    [InlineData("")]
    [InlineData("flights-2")]
    [InlineData("vols_\u00E9t\u00E9")]
    public void A_table_name_that_is_not_a_plain_identifier_is_refused(string table)
    {
        Assert.False(SqliteTarget.IsPlainIdentifier(table));
        Assert.Throws<ArgumentException>(() => new SqliteTarget("x.db", table));
        var parse = FlightsCommandLine.Parse(new[] { "--table", table });
        Assert.Contains(parse.Errors, error => error.Message.Contains("plain identifier", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("flights")]
    [InlineData("_Flights_1990")]
    public void A_plain_identifier_is_accepted(string table)
    {
        Assert.Equal(table, new SqliteTarget("x.db", table).Table);
    }

    private static List<long[]> Batches(int rows, int batchSize, int offset = 0)
        => Enumerable.Range(offset, rows).Select(value => (long)value).Chunk(batchSize).ToList();

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FlightsEtl;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Samples.Tests.FlightsEtl;

public sealed class SqliteLoaderTests
{
    [Fact]
    public void Loads_every_row_in_order_in_chunks_of_10000_and_swaps_the_table_in()
    {
        using var directory = new TempDirectory();
        var target = new SqliteTarget(directory.File("t.db"), "results");
        var batches = Batches(25_000, 4_000);
        var commits = new List<long>();

        long loaded = SqliteLoader.LoadAndSwap(target, batches, new SynchronousProgress(commits.Add));

        Assert.Equal(25_000, loaded);
        Assert.Equal(new long[] { 10_000, 20_000, 25_000 }, commits);
        Assert.Equal(25_000, SqliteLoader.CountRows(target));
        Assert.Equal(batches.SelectMany(batch => batch).Select(value => (long)value), ReadColumn(target, target.Table));
        Assert.DoesNotContain(Tables(target), name => name.EndsWith("__loading", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bare_insert_loop_writes_the_same_rows_straight_into_its_table()
    {
        using var directory = new TempDirectory();
        var target = new SqliteTarget(directory.File("t.db"), "bare");
        var batches = Batches(25_000, 4_000);
        SqliteLoader.InsertOnly(target, Batches(100, 10)); // a previous table is replaced

        Assert.Equal(25_000, SqliteLoader.InsertOnly(target, batches));
        Assert.Equal(batches.SelectMany(batch => batch).Select(value => (long)value), ReadColumn(target, target.Table));
        Assert.Equal(new[] { "bare" }, Tables(target));
    }

    [Fact]
    public void A_load_that_fails_midway_leaves_the_previous_result_whole_and_the_next_load_replaces_it()
    {
        using var directory = new TempDirectory();
        var target = new SqliteTarget(directory.File("t.db"), "results");
        SqliteLoader.LoadAndSwap(target, Batches(12_345, 1_000));

        using var cancellation = new CancellationTokenSource();
        var failing = Batches(50_000, 4_000, offset: 1_000_000);
        // Stop after the second committed chunk, as Ctrl+C (or a kill) would midway through the load.
        var progress = new SynchronousProgress(committed =>
        {
            if (committed >= 20_000)
            {
                cancellation.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => SqliteLoader.LoadAndSwap(target, failing, progress, cancellationToken: cancellation.Token));

        Assert.Equal(12_345, SqliteLoader.CountRows(target));
        Assert.Equal(Enumerable.Range(0, 12_345).Select(value => (long)value), ReadColumn(target, target.Table));

        SqliteLoader.LoadAndSwap(target, failing);
        Assert.Equal(50_000, SqliteLoader.CountRows(target));
        Assert.Equal(1_000_000, ReadColumn(target, target.Table).First());
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
        var error = Assert.Throws<OptionsException>(() => FlightsOptions.Parse(new[] { "--table", table }));
        Assert.Contains("plain identifier", error.Message);
    }

    [Theory]
    [InlineData("flights")]
    [InlineData("_Flights_1990")]
    public void A_plain_identifier_is_accepted(string table)
    {
        Assert.Equal(table, new SqliteTarget("x.db", table).Table);
    }

    private static List<int[]> Batches(int rows, int batchSize, int offset = 0)
        => Enumerable.Range(offset, rows).Chunk(batchSize).ToList();

    private static List<long> ReadColumn(SqliteTarget target, string table)
    {
        using var connection = new SqliteConnection($"Data Source={target.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT result FROM \"{table}\" ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var values = new List<long>();
        while (reader.Read())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }

    private static List<string> Tables(SqliteTarget target)
    {
        using var connection = new SqliteConnection($"Data Source={target.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

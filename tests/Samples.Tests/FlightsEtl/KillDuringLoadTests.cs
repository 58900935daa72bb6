using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FlightsEtl;
using Microsoft.Data.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace Samples.Tests.FlightsEtl;

/// <summary>
/// Issue 6, point 8: the FlightsEtl program, killed (SIGKILL) at random points of its load, leaves the
/// database holding either the previous complete result or the new complete one, never a mix; the next
/// run loads exactly the input's rows. Two inputs of different sizes alternate so the two complete
/// results can be told apart; the kill points are drawn from a seeded generator. Issue 13: the load is one
/// transaction, so a kill leaves no other table (no staging table) behind either.
/// </summary>
public sealed class KillDuringLoadTests(ITestOutputHelper output)
{
    private const int Kills = 5;
    private const int Seed = 8_2024;
    private const string Table = "flights";

    [Fact]
    public async Task A_job_killed_during_its_load_leaves_the_previous_or_the_new_complete_result_and_the_next_run_loads_every_row()
    {
        using var directory = new TempDirectory();
        var inputs = new[] { new Input(directory, "large", 200_000), new Input(directory, "small", 150_000) };
        string database = directory.File("flights.db");
        var random = new Random(Seed);
        var states = new Dictionary<string, int>();

        // A kill before any result exists leaves no table, or the complete one.
        var (first, _) = await KillDuringLoad(inputs[0], database, random.NextDouble(), TimeSpan.Zero);
        Assert.True(first is null || first.Value.Rows == inputs[0].Rows, $"After the first kill: {first}");

        // The complete result of each input, as a finished run leaves it.
        var complete = new Dictionary<Input, TableState>();
        foreach (var input in inputs.Reverse())
        {
            Assert.Equal(ConsoleFrontEnd.Success, await RunToEnd(input, database));
            complete[input] = Read(database) ?? throw new InvalidOperationException("A finished run left no result table.");
            Assert.Equal(input.Rows, complete[input].Rows);
        }

        Assert.NotEqual(complete[inputs[0]], complete[inputs[1]]);
        var previous = inputs[0];
        for (int kill = 1; kill <= Kills; kill++)
        {
            var next = inputs[kill % 2];
            // The last kills wait for every row to be inserted, then a little more, so they land around the commit itself.
            bool aroundSwap = kill > Kills - 2;
            double fraction = aroundSwap ? 1.0 : random.NextDouble();
            var delay = aroundSwap ? TimeSpan.FromMilliseconds(random.Next(0, 40)) : TimeSpan.Zero;
            var (state, killed) = await KillDuringLoad(next, database, fraction, delay);

            string seen = state == complete[previous] ? "previous result kept" : state == complete[next] ? "new result complete" : $"MIXED {state}";
            seen += killed ? "" : " (exited before the kill)";
            states[seen] = states.GetValueOrDefault(seen) + 1;
            Assert.True(state == complete[previous] || state == complete[next],
                $"Kill {kill} (at {fraction:P0} of the load) left {state}; the complete results are {complete[previous]} (previous) and {complete[next]} (new).");
            Assert.Equal("ok", IntegrityCheck(database));
            if (state == complete[next])
            {
                previous = next;
            }
        }

        var last = inputs.First(input => input != previous);
        Assert.Equal(ConsoleFrontEnd.Success, await RunToEnd(last, database));
        Assert.Equal(complete[last], Read(database));
        Assert.Equal(last.Rows, Read(database)!.Value.Rows);

        output.WriteLine($"Kill attempts: {Kills + 1} (1 before any result existed: left {(first is null ? "no table" : "the complete result")}); " +
            string.Join(", ", states.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}")));
    }

    /// <summary>
    /// Starts a run of <paramref name="input"/>, kills it <paramref name="delay"/> after its plain-text progress shows
    /// <paramref name="fraction"/> of its rows inserted (to the quarter below), and reads what is left; also tells
    /// whether the kill found the child still running.
    /// </summary>
    private static async Task<(TableState? State, bool Killed)> KillDuringLoad(Input input, string database, double fraction, TimeSpan delay)
    {
        int quarter = (int)Math.Clamp(fraction * 4, 0, 4);
        string mark = quarter == 0 ? "Load (rows): started" : $"Load (rows): {quarter * 25}%";
        using var child = FlightsProcess.Start(input.Arguments(database));
        var waited = Stopwatch.StartNew();
        while (!child.HasExited && !child.Output.Contains(mark, StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < FlightsProcess.HangTimeout, $"The load never showed '{mark}'; output:\n{child.Output}");
            await Task.Delay(2);
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        bool killed = !child.HasExited;
        child.Kill();
        Assert.All(DatabaseContents.Tables(database), name => Assert.Equal(Table, name)); // issue 13: a killed run leaves no other table behind
        return (Read(database), killed);
    }

    private static async Task<int> RunToEnd(Input input, string database)
    {
        using var child = FlightsProcess.Start(input.Arguments(database));
        int exitCode = await child.WaitAsync();
        Assert.True(exitCode == ConsoleFrontEnd.Success, $"FlightsEtl exited with {exitCode}:\n{child.Output}");
        return exitCode;
    }

    /// <summary>The result table's row count and checksum; <see langword="null"/> when there is no result table.</summary>
    private static TableState? Read(string database)
    {
        using var connection = Open(database);
        if (Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{Table}'") == 0)
        {
            return null;
        }

        return new TableState(Scalar(connection, $"SELECT count(*) FROM \"{Table}\""), Scalar(connection, $"SELECT total(result) FROM \"{Table}\""));
    }

    private static string IntegrityCheck(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False;Default Timeout=30");
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private readonly record struct TableState(long Rows, long Checksum);

    /// <summary>A generated data set, made once in the test (the child reuses it through the manifest).</summary>
    private sealed class Input
    {
        public Input(TempDirectory directory, string name, long rows)
        {
            Rows = rows;
            Settings = new GeneratorSettings(directory.File(name), rows, 2, (ulong)rows);
            DataGenerator.GenerateOrReuse(Settings);
        }

        public long Rows { get; }

        private GeneratorSettings Settings { get; }

        public string[] Arguments(string database) =>
        [
            "--rows", Rows.ToString(CultureInfo.InvariantCulture), "--files", Settings.Files.ToString(CultureInfo.InvariantCulture),
            "--seed", Settings.Seed.ToString(CultureInfo.InvariantCulture), "--data", Settings.Directory,
            "--db", database, "--table", Table, "--no-baselines", "--no-log",
        ];
    }
}

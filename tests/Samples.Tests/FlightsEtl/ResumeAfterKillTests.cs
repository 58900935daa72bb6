using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using FlightsEtl;
using Microsoft.Data.Sqlite;
using TaskGraph.Resume;
using Xunit;

namespace Samples.Tests.FlightsEtl;

/// <summary>
/// Issue 15, point 5: a <c>--resume</c> run of the FlightsEtl program killed (SIGKILL) during its transform or its
/// load is run again: the rerun reuses exactly the batches stored before the kill (its summary says how many) and
/// leaves the same table, row for row, as an uninterrupted run.
/// </summary>
public sealed class ResumeAfterKillTests
{
    private const long Rows = 240_000;

    /// <summary>
    /// Small batches, so that the transform lasts long enough to be killed in the middle: each stored batch is one
    /// write of about 0.1 ms by the store's one writer (with 200 rows a batch, a fast machine stored all 1,200
    /// between the poll that saw 120 and the kill).
    /// </summary>
    private const int BatchSize = 50;
    private const int Batches = (int)(Rows / BatchSize);

    [Fact]
    public async Task A_resumed_run_killed_during_transform_or_load_reuses_the_stored_batches_and_loads_the_uninterrupted_table()
    {
        using var directory = new TempDirectory();
        var settings = new GeneratorSettings(directory.File("data"), Rows, 2, 15);
        DataGenerator.GenerateOrReuse(settings);
        string reference = directory.File("reference.db");
        string resumed = directory.File("resumed.db");
        await RunToEnd(Arguments(settings, reference, resume: false));
        var expected = DatabaseContents.Results(reference, "flights");
        Assert.Equal(Rows, expected.Count);

        // Killed during the transform, once some batches are stored: not all are.
        // A kill can land late (the poll, then the signal) when the machine is quick: then start over, a few times.
        long stored = 0;
        for (int attempt = 0; attempt < 5 && stored is 0 or Batches; attempt++)
        {
            foreach (string file in new[] { ".results", ".results-wal", ".results-shm" })
            {
                File.Delete(resumed + file);
            }

            await KillWhenStored(Arguments(settings, resumed, resume: true), resumed, Batches / 10);
            stored = Stored(resumed);
        }

        Assert.InRange(stored, 1, Batches - 1);
        string output = await RunToEnd(Arguments(settings, resumed, resume: true));
        Assert.Contains($"Resume: {stored:N0} tasks reused", output, StringComparison.Ordinal);
        Assert.Equal(expected, DatabaseContents.Results(resumed, "flights"));

        // Killed during the load (one transaction): every batch is reused, the table is replaced whole.
        await KillAt(Arguments(settings, resumed, resume: true), "Load (rows): 50%");
        output = await RunToEnd(Arguments(settings, resumed, resume: true));
        Assert.Contains($"Resume: {Batches:N0} tasks reused", output, StringComparison.Ordinal);
        Assert.Equal(expected, DatabaseContents.Results(resumed, "flights"));
    }

    private static string[] Arguments(GeneratorSettings settings, string database, bool resume)
    {
        string[] arguments =
        [
            "--rows", Rows.ToString(CultureInfo.InvariantCulture), "--files", "2", "--seed", settings.Seed.ToString(CultureInfo.InvariantCulture),
            "--data", settings.Directory, "--db", database, "--latency-us", "0", "--batch-size", BatchSize.ToString(CultureInfo.InvariantCulture), "--no-baselines", "--no-log",
        ];
        return resume ? [.. arguments, "--resume"] : arguments;
    }

    private static long Stored(string database)
    {
        using var store = new SqliteResultStore(database + ".results");
        return store.Count;
    }

    private static async Task KillAt(string[] arguments, string mark)
        => await KillWhen(arguments, child => child.Output.Contains(mark, StringComparison.Ordinal), mark, mustKill: true);

    private static async Task KillWhenStored(string[] arguments, string database, long results)
        => await KillWhen(arguments, _ => StoredSoFar(database) >= results, $"{results} results stored", mustKill: false);

    /// <param name="mustKill">Whether a run that ends before the kill fails the test (the caller otherwise checks what the run left).</param>
    private static async Task KillWhen(string[] arguments, Func<FlightsProcess, bool> ready, string what, bool mustKill)
    {
        using var child = FlightsProcess.Start(arguments);
        var waited = Stopwatch.StartNew();
        while (!child.HasExited && !ready(child))
        {
            Assert.True(waited.Elapsed < FlightsProcess.HangTimeout, $"The run never reached '{what}'; output:\n{child.Output}");
            await Task.Delay(1);
        }

        Assert.False(mustKill && child.HasExited, $"The run ended before the kill at '{what}':\n{child.Output}");
        child.Kill();
    }

    /// <summary>The results a running job has stored, read without writing to its store (0 before it made one).</summary>
    private static long StoredSoFar(string database)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={database}.results;Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM results";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    private static async Task<string> RunToEnd(string[] arguments)
    {
        using var child = FlightsProcess.Start(arguments);
        int exitCode = await child.WaitAsync();
        Assert.True(exitCode == ConsoleFrontEnd.Success, $"FlightsEtl exited with {exitCode}:\n{child.Output}");
        return child.Output;
    }
}

using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

/// <summary>
/// Issue 13, data safety, through the command line: each case a user can run into stops the job before it
/// writes anything, with one line saying what is wrong, where, and what to do (exit code 1), and leaves the
/// user's files and the previous result table exactly as they were.
/// </summary>
public sealed class DataSafetyTests
{
    [Fact]
    public async Task Generating_into_a_folder_of_the_users_own_csv_files_refuses_and_leaves_every_file_as_it_was()
    {
        using var directory = new TempDirectory();
        string data = directory.File("nycflights");
        Directory.CreateDirectory(data);
        // The real data set's names: 1990.csv is also the name of the generator's first file.
        string[] names = ["1990.csv", "1991.csv", "2008.csv"];
        foreach (string name in names)
        {
            File.WriteAllText(Path.Combine(data, name), SampleRows.Header + "\n" + SampleRows.Good + "\n" + name + "\n");
        }

        var run = await Run(directory, "--data", data, "--rows", "1000", "--files", "2");

        Assert.Equal(ConsoleFrontEnd.Failed, run.ExitCode);
        Assert.Equal(
            $"error: {data} holds CSV files this sample did not generate (1990.csv, 1991.csv, 2008.csv); nothing was written. " +
            "Pass --no-generate to read them as they are, or give --data an empty or new folder to generate into.",
            run.Error.Trim());
        Assert.Equal(names, Directory.GetFiles(data).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.EndsWith(name + "\n", File.ReadAllText(Path.Combine(data, name)), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_folder_holding_only_a_header_only_csv_keeps_the_previous_table_and_fails()
    {
        using var directory = new TempDirectory();
        Assert.Equal(ConsoleFrontEnd.Success, (await Run(directory, "--data", directory.File("generated"), "--rows", "3000", "--files", "2")).ExitCode);
        Assert.Equal(3000, Rows(directory));

        string empty = directory.File("empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "1990.csv"), SampleRows.Header + "\n");
        var run = await Run(directory, "--data", empty, "--no-generate");

        Assert.Equal(ConsoleFrontEnd.Failed, run.ExitCode);
        Assert.Equal(
            $"error: The input holds no flight rows (are the CSV files empty but for their header?): table flights in {directory.File("f.db")} is left as it was.",
            run.Error.Trim());
        Assert.Equal(3000, Rows(directory));
    }

    [Fact]
    public async Task A_second_run_on_a_database_in_use_is_refused_at_once_and_the_first_runs_table_is_kept()
    {
        using var directory = new TempDirectory();
        Assert.Equal(ConsoleFrontEnd.Success, (await Run(directory, "--data", directory.File("data"), "--rows", "2000", "--files", "2")).ExitCode);
        var target = new SqliteTarget(directory.File("f.db"), "flights");

        // Another run holds the database (the claim a run takes, held here as a running job holds it).
        using (DatabaseClaim.Acquire(target))
        {
            var run = await Run(directory, "--data", directory.File("data2"), "--rows", "500", "--files", "1");
            Assert.Equal(ConsoleFrontEnd.Failed, run.ExitCode);
            Assert.Equal(
                $"error: Another run is using the database {target.DatabasePath} (it holds {target.DatabasePath}.lock); wait for it to finish, or pass another --db.",
                run.Error.Trim());
            Assert.False(Directory.Exists(directory.File("data2"))); // refused before generating or reading anything
        }

        Assert.Equal(2000, Rows(directory));
        Assert.Equal(ConsoleFrontEnd.Success, (await Run(directory, "--data", directory.File("data2"), "--rows", "500", "--files", "1")).ExitCode);
        Assert.Equal(500, Rows(directory));
    }

    [Fact]
    public async Task A_database_in_a_missing_folder_is_refused_before_anything_is_read_naming_the_path()
    {
        using var directory = new TempDirectory();
        string database = directory.File(Path.Combine("nodir", "x.db"));

        var run = await Run(directory, "--data", directory.File("data"), "--rows", "1000", "--files", "2", "--db", database);

        Assert.Equal(ConsoleFrontEnd.Failed, run.ExitCode);
        Assert.Equal($"error: Cannot write the database {database}: the folder {directory.File("nodir")} does not exist.", run.Error.Trim());
        Assert.False(Directory.Exists(directory.File("data"))); // nothing generated or read
        Assert.False(Directory.Exists(directory.File("nodir")));
    }

    [Fact]
    public async Task A_scratch_table_a_baseline_killed_during_its_load_left_is_dropped_by_the_next_run()
    {
        using var directory = new TempDirectory();
        Assert.Equal(ConsoleFrontEnd.Success, (await Run(directory, "--data", directory.File("data"), "--rows", "1000", "--files", "1")).ExitCode);
        // What a run killed while a baseline loaded leaves behind: the baseline's scratch table, part written.
        DatabaseContents.Execute(directory.File("f.db"), "CREATE TABLE flights_baseline (result BIGINT); INSERT INTO flights_baseline VALUES (1);");

        var run = await Run(directory, baselines: true, "--data", directory.File("data"), "--rows", "1000", "--files", "1", "--latency-us", "0");

        Assert.Equal(ConsoleFrontEnd.Success, run.ExitCode);
        Assert.Equal(["flights"], DatabaseContents.Tables(directory.File("f.db")));
        Assert.Equal(1000, Rows(directory));
    }

    private static long Rows(TempDirectory directory) => SqliteLoader.CountRows(new SqliteTarget(directory.File("f.db"), "flights"));

    private static Task<(int ExitCode, string Output, string Error)> Run(TempDirectory directory, params string[] extra)
        => Run(directory, baselines: false, extra);

    private static async Task<(int ExitCode, string Output, string Error)> Run(TempDirectory directory, bool baselines, params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] database = extra.Contains("--db") ? [] : ["--db", directory.File("f.db")];
        string[] args = [.. database, "--log", directory.File("etl.log"), .. baselines ? Array.Empty<string>() : ["--no-baselines"], "--quiet", .. extra];
        int exitCode = await ConsoleFrontEnd.RunAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}

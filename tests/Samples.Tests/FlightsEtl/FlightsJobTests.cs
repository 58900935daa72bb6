using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

public sealed class FlightsJobTests
{
    [Fact]
    public async Task The_job_at_20000_rows_loads_every_row_and_matches_plain_linq()
    {
        using var directory = new TempDirectory();
        var options = Small(directory);

        var result = await FlightsJob.RunAsync(options, SilentProgress.Instance, CancellationToken.None);
        var expected = FlightsReference.Compute(result.Data.Files);

        Assert.Equal(20_000, expected.Rows);
        Assert.Equal(expected.Rows, result.Summary.Rows);
        Assert.Equal(expected.Rows, result.TableRows);
        Assert.Equal(expected.Rows, SqliteLoader.CountRows(new SqliteTarget(options.DatabasePath, options.Table)));
        FlightsReference.AssertClose(expected.Mean, result.Summary.MeanDepDelay);
        FlightsReference.AssertClose(expected.Std, result.Summary.StdDepDelay);
        Assert.Equal(2, result.Baselines.Count);
        Assert.All(result.Baselines, run => Assert.Equal(result.Summary, run.Summary));
        Assert.Equal(PipelineStages.All, result.Main.StageTimes.Keys.Order());

        string log = File.ReadAllText(options.LogPath!);
        Assert.Contains(" - INFO - Number of rows in flights table: 20000", log);
        Assert.Contains(" - INFO - ETL process completed successfully", log);
    }

    [Fact]
    public async Task A_malformed_row_fails_the_job_naming_file_line_and_column_and_leaves_the_previous_table()
    {
        using var directory = new TempDirectory();
        var options = Small(directory) with { Baselines = false };
        var first = await FlightsJob.RunAsync(options, SilentProgress.Instance, CancellationToken.None);

        string file = first.Data.Files[2];
        var lines = File.ReadAllLines(file);
        var fields = lines[10].Split(',');
        fields[18] = "far"; // Distance
        lines[10] = string.Join(',', fields);
        File.WriteAllLines(file, lines);
        var readAsIs = options with { Generate = false };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => FlightsJob.RunAsync(readAsIs, SilentProgress.Instance, CancellationToken.None));
        Assert.Equal($"{file}, line 11, column Distance: 'far' is not a number", FlightsErrors.Describe(error));
        Assert.Equal(20_000, SqliteLoader.CountRows(new SqliteTarget(options.DatabasePath, options.Table)));

        var skipped = await FlightsJob.RunAsync(readAsIs with { SkipBadRows = true }, SilentProgress.Instance, CancellationToken.None);
        Assert.Equal(1, skipped.Summary.SkippedRows);
        Assert.Equal(19_999, skipped.TableRows);
        Assert.Contains("Skipped a malformed row: " + file + ", line 11", File.ReadAllText(options.LogPath!));
    }

    [Fact]
    public async Task The_console_front_end_writes_plain_progress_to_100_percent_and_the_comparison_without_targets_when_redirected()
    {
        using var directory = new TempDirectory();
        string[] args = ["--rows", "20000", "--files", "4", "--data", directory.File("data"), "--db", directory.File("f.db"), "--log", directory.File("etl.log")];
        var (exitCode, text, error) = await Run(args);

        Assert.Equal("", error);
        Assert.Equal(ConsoleFrontEnd.Success, exitCode);
        Assert.Contains("Generate data (rows): 100% (20,000/20,000)", text);
        foreach (string stage in new[] { "Read & parse (tasks): 100% (4/4)", "Statistics (tasks): 100% (5/5)", "Impute (tasks): 100% (5/5)", "Transform (batches): 100% (5/5)", "Load (rows): 100% (20,000/20,000)" })
        {
            Assert.Contains(stage, text);
        }

        Assert.Contains("Read & parse (tasks): done in", text);
        Assert.Contains("Number of rows in flights table", text);
        Assert.Contains("Transform: 5 batches, each waiting 2 µs a value (the notebook's 10 ms / 5000) before doubling it", text);
        Assert.Contains("Sequential / TaskGraph", text);
        Assert.Matches(@"TaskGraph against Sequential: transform \d+\.\d\dx, whole run \d+\.\d\dx as fast\.", text);
        Assert.Matches(@"TaskGraph against Pool \(4 workers\): transform \d+\.\d\dx, whole run \d+\.\d\dx as fast\.", text);
        Assert.DoesNotContain("target", text, StringComparison.OrdinalIgnoreCase); // speed targets belong in benchmarks/, not in a sample's report
        Assert.DoesNotContain("\u001b[", text); // no terminal escapes in redirected output

        // The same data again: reused, so no generation bar at all.
        var (again, reusedText, _) = await Run(args);
        Assert.Equal(ConsoleFrontEnd.Success, again);
        Assert.Contains("Data: 4 files (reused)", reusedText);
        Assert.DoesNotContain("Generate data", reusedText);
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await ConsoleFrontEnd.RunAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static FlightsOptions Small(TempDirectory directory) => new()
    {
        Rows = 20_000,
        Files = 4,
        DataDirectory = directory.File("data"),
        DatabasePath = directory.File("flights.db"),
        LogPath = directory.File("etl.log"),
    };
}

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
    public async Task The_console_front_end_writes_plain_progress_lines_and_the_comparison_table_when_redirected()
    {
        using var directory = new TempDirectory();
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await ConsoleFrontEnd.RunAsync(
            new[] { "--rows", "20000", "--files", "4", "--data", directory.File("data"), "--db", directory.File("f.db"), "--log", directory.File("etl.log") },
            output, error, CancellationToken.None);

        Assert.Equal("", error.ToString());
        Assert.Equal(ConsoleFrontEnd.Success, exitCode);
        string text = output.ToString();
        Assert.Contains("Read & parse (tasks): done in", text);
        Assert.Contains("Number of rows in flights table", text);
        Assert.Contains("Sequential / TaskGraph", text);
        Assert.Matches(@"Read & parse \(with statistics and imputation\): TaskGraph is \d+\.\d\dx as fast as the sequential loop \(target: at least 1\.6x on 2 cores", text);
        Assert.Matches(@"Load: TaskGraph takes \d+\.\d\dx the time of the bare insert loop \(target: at most 1\.3x\)", text);
        Assert.DoesNotContain("\u001b[", text); // no terminal escapes in redirected output
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

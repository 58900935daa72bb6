using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

/// <summary>
/// Issue 6, point 8, through the command line: each kind of malformed CSV input fails the whole job with
/// one clear line naming the file and line (exit code 1, the previous result kept), or, with
/// <c>--skip-bad-rows</c>, is counted, skipped and reported, the rest loaded.
/// </summary>
public sealed class MalformedInputCommandLineTests
{
    private const int GoodRows = 5;

    public static TheoryData<string, string> Cases => new()
    {
        { "truncated", "line 8: expected 23 columns, found 10" },
        { "wrong column count", "line 4: expected 23 columns, found 24" },
        { "bad number", "line 4, column DepDelay: '4x1' is not a number" },
        { "bad date", "line 4, column DayofMonth: Year=1990, Month=2, DayofMonth=30 is not a date" },
        { "wrong encoding", "line 4, column TailNum: 'N421\uFFFDA' is not valid UTF-8 text" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_file_fails_the_job_naming_file_and_line_and_keeps_the_previous_result(string kind, string expected)
    {
        using var directory = new TempDirectory();
        string file = WriteBadFile(directory, kind);

        var failed = await Run(directory);
        Assert.Equal(ConsoleFrontEnd.Failed, failed.ExitCode);
        Assert.Equal($"error: {file}, {expected}", failed.Error.Trim());

        // Skipped and counted: the good rows load, the bad one is in the report and the log.
        var skipped = await Run(directory, "--skip-bad-rows");
        Assert.Equal("", skipped.Error);
        Assert.Equal(ConsoleFrontEnd.Success, skipped.ExitCode);
        Assert.Contains($"Total: {GoodRows + 1:N0} rows (1 malformed rows skipped", skipped.Output);
        Assert.Contains($"Number of rows in flights table ({directory.File("f.db")}): {GoodRows + 1:N0}", skipped.Output);
        Assert.Contains($"Skipped a malformed row: {file}, {expected}", File.ReadAllText(directory.File("etl.log")));
        Assert.Equal(GoodRows + 1, SqliteLoader.CountRows(new SqliteTarget(directory.File("f.db"), "flights")));

        // A failing run after that leaves the loaded result as it was.
        Assert.Equal(ConsoleFrontEnd.Failed, (await Run(directory)).ExitCode);
        Assert.Equal(GoodRows + 1, SqliteLoader.CountRows(new SqliteTarget(directory.File("f.db"), "flights")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_empty_file_fails_the_job_even_when_skipping_bad_rows(bool skipBadRows)
    {
        using var directory = new TempDirectory();
        string file = directory.File(Path.Combine("data", "1990.csv"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "");

        var run = await Run(directory, skipBadRows ? new[] { "--skip-bad-rows" } : Array.Empty<string>());
        Assert.Equal(ConsoleFrontEnd.Failed, run.ExitCode);
        Assert.StartsWith($"error: {file}, line 1: the file is empty; expected the header Year,Month,", run.Error);
    }

    /// <summary>Writes a file of good rows (and a cancelled one) with one malformed row of the given kind.</summary>
    private static string WriteBadFile(TempDirectory directory, string kind)
    {
        string file = directory.File(Path.Combine("data", "1990.csv"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var good = Enumerable.Repeat(SampleRows.Good, GoodRows).Append(SampleRows.Cancelled).ToArray();
        string bad = kind switch
        {
            "wrong column count" => SampleRows.Good + ",0",
            "bad number" => SampleRows.Good.Replace(",41,", ",4x1,", StringComparison.Ordinal),
            "bad date" => SampleRows.Good.Replace("1990,1,1,", "1990,2,30,", StringComparison.Ordinal),
            "wrong encoding" => SampleRows.Cancelled.Replace("N421AA", "N421\u00C9A", StringComparison.Ordinal),
            _ => "",
        };

        if (kind == "truncated")
        {
            // The last row cut in the middle of a field, as a copy interrupted mid-write leaves it: no line end.
            string text = SampleRows.Header + "\n" + string.Join('\n', good) + "\n" + SampleRows.Good[..35];
            File.WriteAllBytes(file, Encoding.UTF8.GetBytes(text));
            return file;
        }

        string[] lines = [SampleRows.Header, .. good[..2], bad, .. good[2..]];
        // Latin-1 for the wrong encoding: É is one byte 0xC9, which is not UTF-8.
        var encoding = kind == "wrong encoding" ? Encoding.Latin1 : new UTF8Encoding(false);
        File.WriteAllBytes(file, encoding.GetBytes(string.Join('\n', lines) + "\n"));
        return file;
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(TempDirectory directory, params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args =
        [
            "--no-generate", "--data", directory.File("data"), "--db", directory.File("f.db"), "--log", directory.File("etl.log"),
            "--no-baselines", .. extra,
        ];
        int exitCode = await ConsoleFrontEnd.RunAsync(args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }
}

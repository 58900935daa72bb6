using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Examples;
using Xunit;

namespace Samples.Tests.Examples;

/// <summary>Each short example, run as a user runs it, prints what it should.</summary>
public sealed class ExamplesTests
{
    private static readonly string ExamplesFolder = Path.Combine(RepositoryFolder(), "samples", "Examples");

    [Fact]
    public async Task WhatYouWritePrintsTheBestScoreOfDirectCallsAndEndsItsBarAtEveryTask()
    {
        using ExampleRun run = await ExampleRun.StartAsync("what-you-write");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal($"best = {await DirectBestAsync()}", run.Lines[^1]);
        Assert.Equal("best: 100% 14/14 tasks", run.Lines[^2]);
    }

    [Fact]
    public void RootReadmeShowsWhatYouWriteWhole()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryFolder(), "README.md"));
        string section = readme[readme.IndexOf("## What you write", StringComparison.Ordinal)..];
        Match snippet = Regex.Match(section, "```csharp\n(.*?)```", RegexOptions.Singleline);

        Assert.True(snippet.Success, "No csharp block under \"What you write\".");
        Assert.Equal(File.ReadAllText(Path.Combine(ExamplesFolder, "WhatYouWrite.cs")).ReplaceLineEndings("\n"), snippet.Groups[1].Value.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ProgressWritesAPlainLinePerTenthWhenRedirectedUpToEveryTask()
    {
        using ExampleRun run = await ExampleRun.StartAsync("progress");

        Assert.True(run.ExitCode == 0, run.Output);
        var percents = run.Lines.Where(line => line.StartsWith("downloads:", StringComparison.Ordinal))
            .Select(line => int.Parse(Regex.Match(line, @"(\d+)%").Groups[1].Value)).ToArray();
        Assert.Equal(0, percents[0]);
        Assert.Equal(100, percents[^1]);
        Assert.True(percents.Length >= 10, run.Output);
        Assert.Equal(percents.Order(), percents);
        Assert.Equal("downloads: 100% 42/42 tasks", run.Lines[^2]);
        Assert.Equal($"downloaded {Enumerable.Range(1, 40).Sum(page => page * page)} bytes in 40 pages", run.Lines[^1]);
    }

    [Fact]
    public async Task PicturesColourEachTaskByWhatTheComputeDid()
    {
        using ExampleRun run = await ExampleRun.StartAsync("pictures");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(
            new[] { "Check failed: 11 rows is too many", "small: Done", "large: Failed", "total: NotRun", "wrote pictures.dot, pictures.mmd and both.dot (5 tasks)" },
            run.Lines);
        string dot = File.ReadAllText(Path.Combine(run.Folder, "pictures.dot"));
        Assert.Equal(3, Regex.Count(dot, "fillcolor=\"#c8e6c9\"")); // both loads and the small check done
        Assert.Equal(1, Regex.Count(dot, "fillcolor=\"#ffcdd2\"")); // the large check failed
        Assert.Equal(1, Regex.Count(dot, "fillcolor=\"#eeeeee\"")); // the sum never ran
        Assert.StartsWith("flowchart BT", File.ReadAllText(Path.Combine(run.Folder, "pictures.mmd")), StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(File.ReadAllText(Path.Combine(run.Folder, "both.dot")), @"^  n\d+ \[label=", RegexOptions.Multiline));
    }

    [Fact]
    public async Task RetriesOutlastTwoFailuresAndTheTimeoutStopsTheHangingCall()
    {
        using ExampleRun run = await ExampleRun.StartAsync("retries-and-timeouts");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(2, run.Lines.Count(line => Regex.IsMatch(line, @"^attempt \d of Fetch failed \(connection reset\); retrying in \d+ ms$")));
        Assert.Equal(new[] { "fetched 30", "HangAsync timed out after 100 ms" }, run.Lines[^2..]);
    }

    [Fact]
    public async Task CancellationStopsTheComputeBeforeAnyLongWaitEnds()
    {
        using ExampleRun run = await ExampleRun.StartAsync("cancellation");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(new[] { "compute cancelled", "waits done: 0 of 8", "sum: NotRun" }, run.Lines);
    }

    [Fact]
    public async Task MultiOutputRunsTheSharedLoadOnce()
    {
        using ExampleRun run = await ExampleRun.StartAsync("multi-output");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(new[] { "mean = 5.5, max = 10", "tasks run: 3 (Load once, for both)" }, run.Lines);
    }

    [Fact]
    public async Task AnUnknownNameListsTheExamples()
    {
        using ExampleRun run = await ExampleRun.StartAsync("nope");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "Usage: Examples NAME, where NAME is one of: what-you-write, progress, pictures, retries-and-timeouts, cancellation, multi-output.",
            Assert.Single(run.Lines));
    }

    [Fact]
    public void EachExampleIsOneShortFile()
    {
        var files = Directory.GetFiles(ExamplesFolder, "*.cs").Where(path => Path.GetFileName(path) != "Program.cs").ToArray();

        Assert.Equal(6, files.Length);
        Assert.All(files, path => Assert.True(File.ReadLines(path).Count() <= 100, $"{Path.GetFileName(path)} is over 100 lines."));
    }

    /// <summary>The example's graph called directly, without a graph: what the compute must return.</summary>
    private static async Task<double> DirectBestAsync()
    {
        string[] files = ["mydata-0.dat", "mydata-1.dat", "mydata-2.dat", "mydata-3.dat"];
        int[] reference = await WhatYouWrite.LoadAsync("sql://mytable", CancellationToken.None);
        var processed = (await Task.WhenAll(files.Select(f => WhatYouWrite.LoadAsync(f, CancellationToken.None)))).Select(d => WhatYouWrite.Process(d, reference)).ToList();
        return WhatYouWrite.Reduction(processed.Zip(processed.Skip(1), WhatYouWrite.Compare).ToList());
    }

    private static string RepositoryFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Generated.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Generated.sln above {AppContext.BaseDirectory}.");
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CustomEtl;
using TaskGraph;
using Xunit;

namespace Samples.Tests.CustomEtl;

/// <summary>The small example end to end with --graph, --trace and progress bars (no simulated latency).</summary>
public sealed class CustomEtlWatchTests : IDisposable
{
    private const string DoneFill = "#c8e6c9";
    private static readonly EtlExample Example = EtlExample.Small;
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "custometl-" + Guid.NewGuid().ToString("N")[..12])).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task DotPictureHasEveryTaskOnceAndAnEdgePerDependencyAllDone()
    {
        string path = Path.Combine(folder, "graph.dot");

        await RunSmallAsync(Options() with { Graph = path });

        string dot = File.ReadAllText(path);
        var (tasks, edges) = ExpectedShape();
        string[] nodeLines = dot.Split('\n').Where(line => Regex.IsMatch(line, @"^  n\d+ \[label=")).ToArray();
        Assert.Equal(tasks, nodeLines.Length);
        Assert.Equal(edges, dot.Split('\n').Count(line => Regex.IsMatch(line, @"^  n\d+ -> n\d+( \[minlen=\d+\])?;$")));
        Assert.All(nodeLines, line => Assert.Contains($"fillcolor=\"{DoneFill}\"", line, StringComparison.Ordinal));

        if (GraphvizDot() is { } graphviz)
        {
            var (exitCode, plain) = RunDot(graphviz, "-Tplain", path);
            Assert.True(exitCode == 0, plain);
            string[] lines = plain.Split('\n');
            Assert.Equal(tasks, lines.Count(line => line.StartsWith("node ", StringComparison.Ordinal)));
            Assert.Equal(edges, lines.Count(line => line.StartsWith("edge ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task BothExamplesAreDrawnInTitledFilesOfTheirOwn()
    {
        string path = Path.Combine(folder, "graph.dot");
        var output = new StringWriter();

        await CustomEtlJob.RunAsync(Options() with { Examples = new[] { EtlExample.Small, EtlExample.Large }, Graph = path }, output, CancellationToken.None);

        Assert.False(File.Exists(path));
        foreach (EtlExample example in new[] { EtlExample.Small, EtlExample.Large })
        {
            string file = Path.Combine(folder, $"graph.{example.Name}.dot");
            string dot = File.ReadAllText(file);
            Assert.Contains($"label=\"{example.Name} example: {example.Files} files, {example.Comparisons} comparisons\";", dot, StringComparison.Ordinal);
            Assert.Equal(ExpectedShape(example).Tasks, dot.Split('\n').Count(line => Regex.IsMatch(line, @"^  n\d+ \[label=")));
            Assert.Contains($"Graph of the {example.Name} example written to {file}.", output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MermaidPictureHasEveryTaskOnceAndAnEdgePerDependency()
    {
        string path = Path.Combine(folder, "graph.mmd");

        await RunSmallAsync(Options() with { Graph = path });

        string[] lines = File.ReadAllLines(path);
        var (tasks, edges) = ExpectedShape();
        Assert.Equal(new[] { "---", $"title: \"{Example.Name} example: {Example.Files} files, {Example.Comparisons} comparisons\"", "---", "flowchart BT" }, lines[..4]);
        Assert.Equal(tasks, lines.Count(line => line.EndsWith("\"]:::done", StringComparison.Ordinal)));
        Assert.Equal(edges, lines.Count(line => line.Contains(" --> ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ImageIsRenderedByGraphvizOrRefusedWithAClearMessage()
    {
        string path = Path.Combine(folder, "graph.svg");

        if (GraphvizDot() is null)
        {
            var error = await Assert.ThrowsAsync<GraphvizNotFoundException>(() => RunSmallAsync(Options() with { Graph = path }));
            Assert.Contains("Graphviz", error.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(path));
            return;
        }

        await RunSmallAsync(Options() with { Graph = path });

        Assert.Contains("<svg", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingGraphvizIsReportedBeforeAnythingRuns()
    {
        string empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;

        var error = Assert.Throws<GraphvizNotFoundException>(() => GraphFile.Open(Path.Combine(folder, "graph.png"), empty));

        Assert.Contains("'dot'", error.Message, StringComparison.Ordinal);
        Assert.Equal(GraphFileFormat.Dot, GraphFile.Open("graph.gv", empty).Format);
    }

    [Fact]
    public async Task TraceHasOneSpanPerTaskOfTheParallelRun()
    {
        string path = Path.Combine(folder, "trace.json");

        var reports = await RunSmallAsync(Options() with { Trace = path });

        using JsonDocument trace = JsonDocument.Parse(File.ReadAllBytes(path));
        var spans = trace.RootElement.GetProperty("traceEvents").EnumerateArray().Where(e => e.GetProperty("ph").GetString() == "X").ToList();
        var (tasks, _) = ExpectedShape();
        Assert.Equal(tasks, spans.Count);
        Assert.Equal(reports.Single().TaskCount, spans.Count);
        Assert.Equal(tasks, spans.Select(s => s.GetProperty("args").GetProperty("key").GetString()).Distinct().Count());
        Assert.Equal(Example.Files, spans.Count(s => s.GetProperty("name").GetString() == "LoadAsync"));
    }

    [Fact]
    public async Task ProgressBarsFollowBothRunsToTheEnd()
    {
        var progress = new StringWriter();

        await CustomEtlJob.RunAsync(Options(), TextWriter.Null, progress, CancellationToken.None);

        string[] lines = progress.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var (tasks, _) = ExpectedShape();
        Assert.Equal($"small parallel:   0% 0/{tasks} tasks", lines[0]);
        Assert.Contains($"small parallel: 100% {tasks}/{tasks} tasks", lines);
        Assert.Equal($"small sequential: 100% {tasks}/{tasks} tasks", lines[^1]);
    }

    [Fact]
    public async Task NoProgressWritesNoBars()
    {
        var progress = new StringWriter();

        await CustomEtlJob.RunAsync(Options() with { ShowProgress = false }, TextWriter.Null, progress, CancellationToken.None);

        Assert.Equal("", progress.ToString());
    }

    private static CustomEtlOptions Options() => CustomEtlOptions.Default with { Examples = new[] { Example }, TimeScale = 0 };

    private static Task<IReadOnlyList<ExampleReport>> RunSmallAsync(CustomEtlOptions options)
        => CustomEtlJob.RunAsync(options, TextWriter.Null, CancellationToken.None);

    /// <summary>Tasks and distinct (input, consumer) pairs of the same graph, counted from the handles.</summary>
    private static (int Tasks, int Edges) ExpectedShape(EtlExample? example = null)
    {
        Delayed<double> target = EtlGraph.Build<EtlTasks>(example ?? Example, CustomEtlOptions.Default.Seed, 0);
        var seen = new HashSet<DelayedNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<DelayedNode>(new[] { target });
        int edges = 0;
        while (pending.Count > 0)
        {
            DelayedNode node = pending.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            var inputs = node.Dependencies.Where(d => d.Method is not null || d.Dependencies.Count > 0).Distinct(ReferenceEqualityComparer.Instance).Cast<DelayedNode>().ToList();
            edges += inputs.Count;
            inputs.ForEach(pending.Push);
        }

        return (seen.Count, edges);
    }

    private static string? GraphvizDot()
    {
        try
        {
            return GraphFile.Open("probe.svg", Environment.GetEnvironmentVariable("PATH")).DotPath;
        }
        catch (GraphvizNotFoundException)
        {
            return null;
        }
    }

    private static (int ExitCode, string Output) RunDot(string dot, string format, string path)
    {
        var start = new ProcessStartInfo(dot) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(format);
        start.ArgumentList.Add(path);
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "dot did not finish");
        return (process.ExitCode, output + error.Result);
    }
}

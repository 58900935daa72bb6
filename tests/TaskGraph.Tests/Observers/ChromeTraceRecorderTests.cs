using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Diagnostics;
using Xunit;

namespace TaskGraph.Tests.Observers;

public sealed class ChromeTraceRecorderTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public void TraceHasOneCompleteEventPerTaskWithTheThreadsThatRanThem()
    {
        // Both inputs wait for each other at the barrier: they can only finish on two threads at once.
        using var bothStarted = new Barrier(2);
        var probe = new Probe((_, input, _) => bothStarted.SignalAndWait(HangGuard) ? input : throw new TimeoutException("barrier"));
        Delayed<int> left = probe.RunDelayed("left", 1);
        Delayed<int> right = probe.RunDelayed("right", 2);
        Delayed<int> sum = Arithmetic.AddDelayed(left, right);
        var trace = new ChromeTraceRecorder();

        Assert.Equal(3, sum.Compute(new ComputeOptions { MaxDegreeOfParallelism = 2, Observers = new[] { trace } }));

        using JsonDocument document = Parse(trace);
        List<JsonElement> spans = Spans(document);
        Assert.Equal(3, spans.Count);
        Assert.Equal(new[] { "Add", "Run", "Run" }, spans.Select(s => s.GetProperty("name").GetString()).Order());
        Assert.Equal(
            new[] { left.Key, right.Key, sum.Key }.Order(),
            spans.Select(s => s.GetProperty("args").GetProperty("key").GetString()).Order());
        var runThreads = spans.Where(s => s.GetProperty("name").GetString() == "Run").Select(s => s.GetProperty("args").GetProperty("thread").GetInt32()).Distinct();
        Assert.Equal(2, runThreads.Count());
        Assert.All(spans, s =>
        {
            Assert.Equal(Environment.ProcessId, s.GetProperty("pid").GetInt32());
            Assert.True(s.GetProperty("ts").GetDouble() >= 0);
            Assert.True(s.GetProperty("dur").GetDouble() >= 0);
            Assert.Equal("done", s.GetProperty("args").GetProperty("status").GetString());
            Assert.StartsWith("M:TaskGraph.Tests.", s.GetProperty("args").GetProperty("method").GetString(), StringComparison.Ordinal);
        });

        // Every row that holds a task is named once, after the thread that ran it.
        var named = RowNames(document);
        Assert.Equal(spans.Select(s => s.GetProperty("tid").GetInt32()).Distinct().Order(), named.Keys.Order());
        Assert.All(spans, s => Assert.Equal($"thread {s.GetProperty("args").GetProperty("thread").GetInt32()}", named[s.GetProperty("tid").GetInt32()]));
    }

    [Fact]
    public async Task OverlappingAsyncTasksOfOneThreadGetRowsWhereNoSpansOverlap()
    {
        // One worker starts all eight; each stays open at the gate until the eighth has started.
        const int count = 8;
        int entered = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new Probe(asyncBody: async (_, input, ct) =>
        {
            if (Interlocked.Increment(ref entered) == count)
            {
                gate.SetResult();
            }

            await gate.Task.WaitAsync(HangGuard, ct);
            return input;
        });
        Delayed<int>[] waits = Enumerable.Range(0, count).Select(i => probe.RunAsyncDelayed("wait", i)).ToArray();
        var trace = new ChromeTraceRecorder();

        await Delayed.ComputeAsync(waits, new ComputeOptions { MaxDegreeOfParallelism = 1, Observers = new[] { trace } });

        using JsonDocument document = Parse(trace);
        List<JsonElement> spans = Spans(document);
        Assert.Equal(count, spans.Count);
        foreach (var row in spans.GroupBy(s => s.GetProperty("tid").GetInt32()))
        {
            var ordered = row.OrderBy(s => s.GetProperty("ts").GetDouble()).ToList();
            for (int i = 1; i < ordered.Count; i++)
            {
                Assert.True(
                    ordered[i - 1].GetProperty("ts").GetDouble() + ordered[i - 1].GetProperty("dur").GetDouble() <= ordered[i].GetProperty("ts").GetDouble(),
                    $"Spans overlap in row {row.Key}.");
            }
        }

        // All eight were open at once, so a thread that started several has one row per span.
        var named = RowNames(document);
        Assert.Equal(count, named.Count);
        foreach (var thread in spans.GroupBy(s => s.GetProperty("args").GetProperty("thread").GetInt32()))
        {
            var rowNames = thread.Select(s => named[s.GetProperty("tid").GetInt32()]).ToList();
            Assert.Equal(thread.Count(), rowNames.Distinct().Count());
            Assert.Contains($"thread {thread.Key}", rowNames);
            Assert.All(rowNames, name => Assert.StartsWith($"thread {thread.Key}", name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void FailedTaskIsASpanWithItsError()
    {
        Delayed<int> bad = Step.Of<int, int>("Boom", _ => throw new FormatException("row 7"), 1);
        var trace = new ChromeTraceRecorder();

        Assert.Throws<DelayedTaskException>(() => Arithmetic.IncrementDelayed(bad).Compute(new ComputeOptions { Observers = new[] { trace } }));

        using JsonDocument document = Parse(trace);
        JsonElement span = Assert.Single(Spans(document));
        Assert.Equal("Boom", span.GetProperty("name").GetString());
        Assert.Equal("failed", span.GetProperty("args").GetProperty("status").GetString());
        Assert.Equal("System.FormatException: row 7", span.GetProperty("args").GetProperty("error").GetString());
    }

    [Fact]
    public void SaveWritesAFileThatParses()
    {
        Delayed<int>[] tasks = Enumerable.Range(0, 50).Select(i => Arithmetic.IncrementDelayed(i)).ToArray();
        var trace = new ChromeTraceRecorder();
        Delayed.Compute(tasks, new ComputeOptions { Observers = new[] { trace } });
        string path = Path.Combine(Path.GetTempPath(), $"taskgraph-trace-{Guid.NewGuid():N}.json");
        try
        {
            trace.Save(path);

            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            Assert.Equal(50, Spans(document).Count);
            Assert.Equal(50, trace.TaskCount);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static JsonDocument Parse(ChromeTraceRecorder trace)
    {
        using var stream = new MemoryStream();
        trace.WriteTo(stream);
        return JsonDocument.Parse(stream.ToArray());
    }

    private static Dictionary<int, string> RowNames(JsonDocument document)
        => Events(document).Where(e => e.GetProperty("ph").GetString() == "M")
            .ToDictionary(e => e.GetProperty("tid").GetInt32(), e => e.GetProperty("args").GetProperty("name").GetString()!);

    private static IEnumerable<JsonElement> Events(JsonDocument document)
        => document.RootElement.GetProperty("traceEvents").EnumerateArray();

    private static List<JsonElement> Spans(JsonDocument document)
        => Events(document).Where(e => e.GetProperty("ph").GetString() == "X").ToList();
}

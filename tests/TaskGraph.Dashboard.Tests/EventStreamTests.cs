using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Dashboard.Tests;

/// <summary>The dashboard over plain HTTP: the event stream's batches and counts, the state, the page, the binding.</summary>
public sealed class EventStreamTests
{
    [Theory]
    [InlineData(500)] // drawn: the graph is walked
    [InlineData(3_000)] // above DashboardOptions.MaxDrawnTasks: the rows come from the compute's own counts
    public async Task Stream_batches_updates_that_reach_the_final_counts(int width)
    {
        await using TaskGraphDashboard dashboard = await DashboardRun.StartAsync();
        await using EventStreamReader stream = await EventStreamReader.OpenAsync(dashboard.Address);
        int total = WideGraph.TaskCount(width);

        int sum = WideGraph.Build(width).Compute(ComputeOptions.Default.WithDashboard(dashboard));

        Assert.Equal(Enumerable.Range(1, width).Sum(), sum);
        List<JsonElement> entries = await stream.WaitForEndAsync();
        Assert.Equal("snapshot", stream.Messages[0].Name);
        JsonElement last = entries[^1];
        Assert.Equal("succeeded", last.GetProperty("status").GetString());
        Assert.Equal(total, last.GetProperty("total").GetInt32());
        Assert.Equal(total, last.GetProperty("done").GetInt32());
        Assert.Equal(0, last.GetProperty("running").GetInt32() + last.GetProperty("waiting").GetInt32() + last.GetProperty("failed").GetInt32());
        JsonElement step = last.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Step");
        Assert.Equal(width, step.GetProperty("total").GetInt32());
        Assert.Equal(width, step.GetProperty("done").GetInt32());

        // Each span arrives exactly once, in fewer messages than tasks: updates are batched. A drawn compute shows every
        // task; a bigger one's trivial tasks are a sample, and the rest counted (TaskSamplingTests).
        int[] spansPerMessage = entries.Select(e => e.GetProperty("spans").GetArrayLength()).ToArray();
        int spans = last.GetProperty("spanCount").GetInt32();
        Assert.Equal(spans, spansPerMessage.Sum());
        Assert.Equal(total, spans + last.GetProperty("countedOnly").GetInt32());
        Assert.True(width > new DashboardOptions().MaxDrawnTasks || spans == total, $"{spans} spans of {total} drawn tasks");
        Assert.True(entries.Count < total / 10, $"{entries.Count} messages for {total} tasks");
        Assert.Contains(spansPerMessage, count => count > 1);
    }

    [Fact]
    public async Task A_page_that_connects_late_gets_a_snapshot_of_the_open_compute_and_its_graph()
    {
        await using TaskGraphDashboard dashboard = await DashboardRun.StartAsync();
        Task<int> compute = await DashboardRun.StartHeldAsync(dashboard, "late-");
        await using EventStreamReader stream = await EventStreamReader.OpenAsync(dashboard.Address);
        List<JsonElement> before = await WaitForEntryAsync(stream);

        HeldGraph.Open("late-");
        await compute;
        List<JsonElement> entries = await stream.WaitForEndAsync();

        JsonElement snapshot = before[0];
        Assert.Equal("snapshot", stream.Messages[0].Name);
        Assert.Equal("running", snapshot.GetProperty("status").GetString());
        Assert.Equal(HeldGraph.TaskCount - 1, snapshot.GetProperty("done").GetInt32());
        Assert.Equal(HeldGraph.TaskCount - 1, snapshot.GetProperty("spans").GetArrayLength());
        JsonElement graph = snapshot.GetProperty("graph");
        Assert.True(graph.GetProperty("drawn").GetBoolean());
        Assert.Equal(HeldGraph.TaskCount, graph.GetProperty("nodes").GetArrayLength());
        // Load -> Parse -> Score per part, each score into the collection, the collection into the combine.
        Assert.Equal((3 * HeldGraph.Parts) + 1, graph.GetProperty("edges").GetArrayLength());
        Assert.Equal(4, graph.GetProperty("nodes").EnumerateArray().Max(node => node[1].GetInt32()));
        // Drawn states: 2 is done, 1 running; only the combine still runs.
        Assert.Equal(1, snapshot.GetProperty("states").EnumerateArray().Count(state => state[1].GetInt32() == 1));

        JsonElement last = entries[^1];
        Assert.Equal(HeldGraph.TaskCount, last.GetProperty("done").GetInt32());
        Assert.Equal(HeldGraph.TaskCount, entries.Sum(e => e.GetProperty("spans").GetArrayLength()));
        Assert.Contains(last.GetProperty("states").EnumerateArray(), state => state[1].GetInt32() == 2);
    }

    [Fact]
    public async Task The_failing_tasks_error_is_shown_with_its_key()
    {
        await using TaskGraphDashboard dashboard = await DashboardRun.StartAsync();
        await using EventStreamReader stream = await EventStreamReader.OpenAsync(dashboard.Address);
        Delayed<int> broken = HeldGraph.ExplodeDelayed(WideGraph.StepDelayed(6));

        Assert.Throws<DelayedTaskException>(() => broken.Compute(ComputeOptions.Default.WithDashboard(dashboard)));

        JsonElement last = (await stream.WaitForEndAsync())[^1];
        Assert.Equal("failed", last.GetProperty("status").GetString());
        Assert.Equal(1, last.GetProperty("failed").GetInt32());
        Assert.Equal(1, last.GetProperty("done").GetInt32());
        JsonElement error = (await DashboardRun.StateAsync(dashboard)).GetProperty("computes")[0].GetProperty("error");
        Assert.Equal(broken.Key, error.GetProperty("task").GetString());
        Assert.Equal("Explode", error.GetProperty("method").GetString());
        Assert.Contains("part 7 exploded", error.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reused_tasks_count_as_done_and_reused()
    {
        // A compute's real events, replayed with the first three steps' results reused (as a resumable compute reports them).
        var recorder = new EventRecorder();
        WideGraph.Build(5).Compute(new ComputeOptions { Observers = new[] { recorder } });
        await using TaskGraphDashboard dashboard = await DashboardRun.StartAsync();
        IComputeObserver observer = dashboard;
        observer.OnComputeStarted(recorder.Compute!);
        foreach (DelayedNode task in recorder.Completed)
        {
            if (task.Method?.Name == "Step" && recorder.Completed.IndexOf(task) < 3)
            {
                observer.OnTaskReused(recorder.Compute!, task);
            }
            else
            {
                observer.OnTaskStarted(recorder.Compute!, task);
                observer.OnTaskCompleted(recorder.Compute!, task);
            }
        }

        observer.OnComputeFinished(recorder.Compute!, ComputeStatus.Succeeded, null);

        JsonElement compute = DashboardRun.Newest(await DashboardRun.StateAsync(dashboard))!.Value;
        Assert.Equal(WideGraph.TaskCount(5), compute.GetProperty("done").GetInt32());
        Assert.Equal(3, compute.GetProperty("reused").GetInt32());
        Assert.Equal(WideGraph.TaskCount(5) - 3, compute.GetProperty("spanCount").GetInt32());
        JsonElement step = compute.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Step");
        Assert.Equal(3, step.GetProperty("reused").GetInt32());
        Assert.Equal(5, step.GetProperty("done").GetInt32());
        Assert.Equal(3, compute.GetProperty("states").EnumerateArray().Count(state => state[1].GetInt32() == 4));
    }

    [Fact]
    public async Task The_page_is_served_and_other_paths_are_not_found()
    {
        await using TaskGraphDashboard dashboard = await DashboardRun.StartAsync();
        using var http = new HttpClient();

        using HttpResponseMessage page = await http.GetAsync(dashboard.Address);
        using HttpResponseMessage missing = await http.GetAsync(new Uri(dashboard.Address, "missing"));

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("new EventSource(\"events\")", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task It_binds_to_loopback_and_names_a_taken_port()
    {
        await using TaskGraphDashboard dashboard = await DashboardRun.StartAsync();

        var error = await Assert.ThrowsAsync<IOException>(() => TaskGraphDashboard.StartAsync(new DashboardOptions { Port = dashboard.Address.Port }));

        Assert.Equal("127.0.0.1", dashboard.Address.Host);
        Assert.Equal(IPAddress.Loopback, new DashboardOptions().BindAddress);
        Assert.Contains($"127.0.0.1:{dashboard.Address.Port}", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<JsonElement>> WaitForEntryAsync(EventStreamReader stream)
    {
        for (int i = 0; i < 1500 && stream.Entries().Count == 0; i++)
        {
            await Task.Delay(20);
        }

        return stream.Entries();
    }

    /// <summary>Keeps a compute and its completed tasks, in order.</summary>
    private sealed class EventRecorder : IComputeObserver
    {
        public ComputeInfo? Compute { get; private set; }

        public List<DelayedNode> Completed { get; } = new();

        public void OnComputeStarted(ComputeInfo compute) => Compute = compute;

        public void OnTaskCompleted(ComputeInfo compute, DelayedNode task)
        {
            lock (Completed)
            {
                Completed.Add(task);
            }
        }
    }
}

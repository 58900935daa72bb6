using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Orleans.Wire;
using Xunit;

namespace TaskGraph.Orleans.Tests;

/// <summary>Computes on a two-silo cluster, each checked against the same graph computed locally.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class ClusterComputeTests
{
    private readonly TwoSiloCluster fixture;

    public ClusterComputeTests(TwoSiloCluster fixture) => this.fixture = fixture;

    [Fact]
    public async Task A_fan_out_and_fan_in_graph_gives_the_local_result_and_only_targets_come_back()
    {
        var stations = Enumerable.Range(0, 12).Select(i => "station-" + new string('x', i)).ToList();
        var means = stations.Select(s => ClusterGraphs.MeanDelayed(ClusterGraphs.LoadDelayed(s, 100))).ToList();
        var total = ClusterGraphs.TotalDelayed(means);

        var (values, events, graph) = await fixture.ComputeAsync(new[] { total, means[3] });

        Assert.Equal(total.Compute(), values[0]);
        Assert.Equal(means[3].Compute(), values[1]);
        // The total gathers means from both silos: some moved, far less than the loads produced.
        Assert.InRange(fixture.Traffic.BytesMoved, 1, fixture.Traffic.BytesProduced / 10);
        // Every task started and completed once, on some silo.
        Assert.Equal(graph.Tasks.Count, events.Count(e => e.Kind == ComputeEventKind.Completed));
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Silo)));
    }

    [Fact]
    public async Task A_garbage_collection_on_the_client_mid_compute_loses_neither_events_nor_the_outcome()
    {
        // Orleans holds a client's observer objects weakly: the end the coordinator reports to must stay alive.
        var parts = Enumerable.Range(0, 4).Select(i => ClusterGraphs.CollectGarbageDelayed(i)).ToList();
        var observer = new RecordingObserver();

        var (values, _, _) = await fixture.ComputeAsync(parts, options: new ComputeOptions { Observers = new[] { observer } }).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(new[] { 0, 1, 2, 3 }, values);
        Assert.Equal(parts.Select(p => "completed:" + p.Key).Order(), observer.Calls.Where(c => c.StartsWith("completed:", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task A_consumer_runs_on_the_silo_that_holds_its_input_bytes()
    {
        var loads = Enumerable.Range(0, 8).Select(i => ClusterGraphs.LoadDelayed("local-" + i, 20_000)).ToList();
        var means = loads.Select(ClusterGraphs.MeanDelayed).ToList();

        var (_, events, graph) = await fixture.ComputeAsync(means, new TaskGraphClusterOptions { FuseChains = false });

        var siloOf = events.Where(e => e.Kind == ComputeEventKind.Completed).ToDictionary(e => graph.Tasks[e.Task].Key, e => e.Silo);
        Assert.All(loads.Zip(means), pair => Assert.Equal(siloOf[pair.First.Key], siloOf[pair.Second.Key]));
        Assert.Equal(2, siloOf.Values.Distinct().Count());
        // Nothing moved between silos, while the loads alone produced 8 x 20,000 values (a byte each at least).
        Assert.Equal(0, fixture.Traffic.BytesMoved);
        Assert.True(fixture.Traffic.BytesProduced > 8 * 20_000, $"{fixture.Traffic.BytesProduced} bytes produced");
    }

    [Fact]
    public async Task A_fused_chain_runs_as_one_unit_and_gives_the_same_value()
    {
        Delayed<int> chain = 0;
        for (int i = 0; i < 200; i++)
        {
            chain = ClusterGraphs.IncrementDelayed(chain);
        }

        var fused = await fixture.ComputeAsync(new[] { chain });
        var unfused = await fixture.ComputeAsync(new[] { chain }, new TaskGraphClusterOptions { FuseChains = false });

        Assert.Equal(200, fused.Values[0]);
        Assert.Equal(200, unfused.Values[0]);
        // One silo ran the whole fused chain; every task still reported its start and end.
        Assert.Single(fused.Events.Select(e => e.Silo).Distinct());
        Assert.Equal(200, fused.Events.Count(e => e.Kind == ComputeEventKind.Completed));
    }

    [Fact]
    public async Task In_flight_tasks_are_bounded_per_silo_and_an_idle_silo_steals_queued_ones()
    {
        // Every task takes the same large input, so placement queues them all on its holder; the other silo
        // can only get work by stealing.
        var input = ClusterGraphs.LoadDelayed("shared", 50_000);
        var holds = Enumerable.Range(0, 6).Select(_ => ClusterGraphs.HoldDelayed(input)).ToList();
        ClusterGraphs.MostAtOnce = 0;
        ClusterGraphs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var computing = fixture.ComputeAsync(holds, new TaskGraphClusterOptions { MaxInFlightPerSilo = 1 });
            await WaitUntil(() => Volatile.Read(ref ClusterGraphs.Running) == 2);
            ClusterGraphs.Gate.SetResult();
            var (values, events, graph) = await computing;

            Assert.Equal(2, ClusterGraphs.MostAtOnce);
            Assert.All(values, v => Assert.Equal(holds[0].Compute(), v));
            var holdSilos = events.Where(e => e.Kind == ComputeEventKind.Completed && graph.Tasks[e.Task].MethodId!.Contains("Hold", StringComparison.Ordinal)).Select(e => e.Silo).Distinct();
            Assert.Equal(2, holdSilos.Count());
        }
        finally
        {
            ClusterGraphs.Gate = ClusterGraphs.Open();
        }
    }

    [Fact]
    public async Task A_failing_attempt_is_retried_and_the_callers_observers_hear_of_it()
    {
        string key = "retry-" + Guid.NewGuid();
        var flaky = ClusterGraphs.FlakyDelayed(key, 2);
        var observer = new RecordingObserver();
        var progress = new List<ComputeProgress>();

        var (values, _, _) = await fixture.ComputeAsync(new[] { flaky }, options: new ComputeOptions { Observers = new[] { observer }, Progress = new SynchronousProgress(progress) });

        Assert.Equal(3, values[0]);
        Assert.Equal(
            new[] { "compute-started:1", $"started:{flaky.Key}", $"retrying:{flaky.Key}:1:attempt 1 of {key} fails", $"started:{flaky.Key}", $"retrying:{flaky.Key}:2:attempt 2 of {key} fails", $"started:{flaky.Key}", $"completed:{flaky.Key}", "finished:Succeeded" },
            observer.Calls);
        Assert.Equal(new ComputeProgress(1, 1, 0, 0), progress[^1]);
    }

    [Fact]
    public async Task A_task_that_fails_for_good_is_named_with_its_error()
    {
        var broken = ClusterGraphs.BrokenDelayed(ClusterGraphs.IncrementDelayed(41));
        var observer = new RecordingObserver();

        var error = await Assert.ThrowsAsync<DelayedTaskException>(() => fixture.ComputeAsync(new[] { broken }, options: new ComputeOptions { Observers = new[] { observer } }));

        Assert.Equal(broken.Key, error.TaskKey);
        Assert.Contains("broken 42", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.Contains("failed:" + broken.Key, observer.Calls);
        Assert.Equal("finished:Failed", observer.Calls.Last());
    }

    [Fact]
    public async Task A_task_that_throws_an_exception_type_without_a_codec_fails_with_its_stand_in()
    {
        // Before user exceptions were kept out of the JSON fallback, their outcome failed to serialize and the
        // client waited forever: the bound turns such a regression into a failure.
        var missing = ClusterGraphs.MissingDelayed("north");

        var error = await Assert.ThrowsAsync<DelayedTaskException>(() => fixture.ComputeAsync(new[] { missing }).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(missing.Key, error.TaskKey);
        // Without an Orleans codec the type cannot travel: a stand-in names it, with its message and stack.
        var remote = Assert.IsType<RemoteTaskException>(error.InnerException);
        Assert.Equal(typeof(StationMissingException).FullName, remote.ExceptionType);
        Assert.Contains("station north is missing", remote.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ClusterGraphs.Missing), remote.RemoteStackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_that_overruns_its_timeout_fails_with_a_timeout_naming_it()
    {
        var overrun = ClusterGraphs.OverrunDelayed(1);

        var error = await Assert.ThrowsAsync<DelayedTaskException>(() => fixture.ComputeAsync(new[] { overrun }).WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(overrun.Key, error.TaskKey);
        var timeout = Assert.IsType<TaskTimeoutException>(error.InnerException);
        Assert.Contains(overrun.Key, timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_result_that_cannot_travel_fails_before_any_task_runs_naming_task_and_type()
    {
        ClusterGraphs.Runs.TryRemove("MakeCounter", out _);
        var counter = ClusterGraphs.MakeCounterDelayed(ClusterGraphs.IncrementDelayed(1));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => fixture.ComputeAsync(new[] { counter }));

        Assert.Contains($"Task '{counter.Key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.Func`1", error.Message, StringComparison.Ordinal);
        Assert.False(ClusterGraphs.Runs.ContainsKey("MakeCounter"));
    }

    [Fact]
    public async Task An_instance_method_task_is_refused_with_the_rule()
    {
        var scaled = new Scaler(2).ScaleDelayed(3.0);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => fixture.ComputeAsync(new[] { scaled }));

        Assert.Contains($"Task '{scaled.Key}' calls TaskGraph.Orleans.Tests.Scaler.Scale", error.Message, StringComparison.Ordinal);
        Assert.Contains("'this' does not travel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_running_tasks()
    {
        ClusterGraphs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            using var cancel = new CancellationTokenSource();
            var hold = ClusterGraphs.HoldDelayed(ClusterGraphs.LoadDelayed("cancelled", 10));
            var computing = fixture.ComputeAsync(new[] { hold }, cancellationToken: cancel.Token);
            await WaitUntil(() => Volatile.Read(ref ClusterGraphs.Running) == 1);
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => computing);
            await WaitUntil(() => Volatile.Read(ref ClusterGraphs.Running) == 0);
        }
        finally
        {
            ClusterGraphs.Gate = ClusterGraphs.Open();
        }
    }

    private sealed class SynchronousProgress : IProgress<ComputeProgress>
    {
        private readonly List<ComputeProgress> reports;

        public SynchronousProgress(List<ComputeProgress> reports) => this.reports = reports;

        public void Report(ComputeProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}

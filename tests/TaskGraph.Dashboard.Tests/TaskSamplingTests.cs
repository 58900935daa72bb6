using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Dashboard.Tests;

/// <summary>
/// The task stream of computes too big to draw: tasks faster than <see cref="DashboardOptions.SampleSpacing"/> are
/// shown one in so many and counted otherwise (the workers pace them, see the runtime's SampledObserverTests); every
/// count stays exact.
/// </summary>
public sealed partial class TaskSamplingTests
{
    [Fact]
    public async Task The_dashboard_asks_for_every_task_of_a_drawn_compute_and_for_a_sample_of_a_bigger_one()
    {
        (ComputeInfo small, ComputeInfo big) = (InfoOf(WideGraph.Build(3)), InfoOf(WideGraph.Build(10)));
        await using TaskGraphDashboard dashboard = await StartAsync(maxDrawnTasks: 5, TimeSpan.FromMicroseconds(7));
        IComputeObserver observer = dashboard;

        Assert.Equal((TimeSpan.Zero, TimeSpan.FromMicroseconds(7)), (observer.SampleSpacing(small), observer.SampleSpacing(big)));
    }

    [Fact]
    public async Task Tasks_slower_than_the_spacing_are_all_in_the_stream_of_an_undrawn_compute()
    {
        await using TaskGraphDashboard dashboard = await StartAsync(maxDrawnTasks: 0, TimeSpan.FromMicroseconds(10));
        Delayed<int> graph = WideSumDelayed(Delayed.All(Enumerable.Range(0, 40).Select(i => SpinDelayed(i))));

        graph.Compute(ComputeOptions.Default.WithDashboard(dashboard));

        JsonElement compute = DashboardRun.Newest(await DashboardRun.StateAsync(dashboard))!.Value;
        Assert.False(compute.GetProperty("graph").GetProperty("drawn").GetBoolean());
        Assert.Equal(42, compute.GetProperty("done").GetInt32());
        Assert.Equal(42, compute.GetProperty("spanCount").GetInt32());
        Assert.Equal(0, compute.GetProperty("countedOnly").GetInt32());
    }

    [Fact]
    public async Task Fast_tasks_are_a_sample_of_the_stream_and_every_count_stays_exact()
    {
        await using TaskGraphDashboard dashboard = await StartAsync(maxDrawnTasks: 1_000, TimeSpan.FromSeconds(1));
        int total = WideGraph.TaskCount(3_000);

        WideGraph.Build(3_000).Compute(ComputeOptions.Default.WithDashboard(dashboard));

        JsonElement compute = DashboardRun.Newest(await DashboardRun.StateAsync(dashboard))!.Value;
        int spans = compute.GetProperty("spanCount").GetInt32();
        Assert.InRange(spans, 1, total - 1);
        Assert.Equal(total, spans + compute.GetProperty("countedOnly").GetInt32());
        Assert.Equal(spans, compute.GetProperty("spans").GetArrayLength());
        Assert.Equal(total, compute.GetProperty("done").GetInt32());
        Assert.Equal(0, compute.GetProperty("running").GetInt32() + compute.GetProperty("waiting").GetInt32());
        Assert.All(compute.GetProperty("methods").EnumerateArray(), method =>
        {
            Assert.Equal(method.GetProperty("total").GetInt32(), method.GetProperty("done").GetInt32());
            Assert.Equal(0, method.GetProperty("running").GetInt32() + method.GetProperty("waiting").GetInt32());
        });
    }

    [Fact]
    public async Task Counted_tasks_are_done_in_their_methods_row_and_not_in_the_stream()
    {
        ComputeInfo info = InfoOf(WideGraph.Build(5));
        DelayedMethod step = info.TasksPerMethod.Single(row => row.Method?.Name == "Step").Method!;
        await using TaskGraphDashboard dashboard = await StartAsync(maxDrawnTasks: 0, TimeSpan.FromSeconds(1));
        IComputeObserver observer = dashboard;
        DelayedNode told = info.Targets[0].Dependencies[0].Dependencies[0];

        observer.OnComputeStarted(info);
        observer.OnTaskStarted(info, told);
        observer.OnTaskCompleted(info, told);
        observer.OnTasksCompleted(info, step, 4);
        observer.OnTasksCompleted(info, null, 1);
        JsonElement open = DashboardRun.Newest(await DashboardRun.StateAsync(dashboard))!.Value;
        observer.OnTasksCompleted(info, info.Targets[0].Method, 1);
        observer.OnComputeFinished(info, ComputeStatus.Succeeded, null);
        JsonElement ended = DashboardRun.Newest(await DashboardRun.StateAsync(dashboard))!.Value;

        Assert.Equal((6, 1, 0), (open.GetProperty("done").GetInt32(), open.GetProperty("waiting").GetInt32(), open.GetProperty("running").GetInt32()));
        Assert.Equal((7, 0, 1, 6), (ended.GetProperty("done").GetInt32(), ended.GetProperty("waiting").GetInt32(), ended.GetProperty("spanCount").GetInt32(), ended.GetProperty("countedOnly").GetInt32()));
        Assert.Equal(
            new[] { ("Step", 5, 5), ("All", 1, 1), ("Sum", 1, 1) },
            ended.GetProperty("methods").EnumerateArray().Select(m => (m.GetProperty("name").GetString()!, m.GetProperty("total").GetInt32(), m.GetProperty("done").GetInt32())).OrderByDescending(m => m.Item2).ThenBy(m => m.Item1 == "Sum"));
    }

    private static ComputeInfo InfoOf(Delayed<int> graph)
    {
        var recorder = new ComputeRecorder();
        graph.Compute(new ComputeOptions { Observers = new[] { recorder } });
        return recorder.Compute!;
    }

    /// <summary>A test dashboard (<see cref="DashboardRun"/>) drawing graphs up to <paramref name="maxDrawnTasks"/> tasks.</summary>
    internal static Task<TaskGraphDashboard> StartAsync(int maxDrawnTasks, TimeSpan sampleSpacing)
        => DashboardRun.StartAsync(new DashboardOptions { MaxDrawnTasks = maxDrawnTasks, SampleSpacing = sampleSpacing });

    /// <summary>Takes 20 µs of a thread, twice the spacing the test asks for.</summary>
    [Delayed]
    internal static int Spin(int value)
    {
        long end = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 50_000);
        while (Stopwatch.GetTimestamp() < end)
        {
            Thread.SpinWait(10);
        }

        return value;
    }

    [Delayed]
    internal static int WideSum(int[] values) => values.Sum();

    private sealed class ComputeRecorder : IComputeObserver
    {
        public ComputeInfo? Compute { get; private set; }

        public void OnComputeStarted(ComputeInfo compute) => Compute = compute;
    }
}

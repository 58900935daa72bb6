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
/// shown one in so many and counted otherwise; every count stays exact.
/// </summary>
public sealed partial class TaskSamplingTests
{
    private const long Spacing = 3_000;

    [Theory]
    [InlineData(3_000 * 30, 30, 1)] // a thread's tasks as far apart as the spacing: each one shown
    [InlineData(100 * 300, 300, 30)] // 100 ticks a task: one in 30
    [InlineData(1, 1_000_000, TaskSampler.MaxOneIn)] // faster than the clock: capped
    [InlineData(1_000_000_000, 1, 1)] // a long idle gap: the next task is shown too
    public void Tasks_faster_than_the_spacing_are_shown_one_in_so_many(long elapsed, int starts, int oneIn)
        => Assert.Equal(oneIn, TaskSampler.OneIn(elapsed, starts, Spacing));

    [Fact]
    public void A_spacing_of_zero_shows_every_task()
        => Assert.Equal(1, TaskSampler.OneIn(elapsed: 10, starts: 10, spacing: 0));

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
    public async Task A_counted_task_that_ends_on_another_thread_is_running_until_then_and_done_after()
    {
        // A compute's real tasks, replayed: the first two starts of a thread are shown (no pace known yet), then
        // with a spacing of a second every start is counted; task 3 ends on another thread, as an asynchronous one can.
        var recorder = new TaskRecorder();
        WideGraph.Build(5).Compute(new ComputeOptions { Observers = new[] { recorder } });
        ComputeInfo info = recorder.Compute!;
        await using TaskGraphDashboard dashboard = await StartAsync(maxDrawnTasks: 0, TimeSpan.FromSeconds(1));
        IComputeObserver observer = dashboard;

        observer.OnComputeStarted(info);
        for (int i = 0; i < recorder.Started.Count; i++)
        {
            DelayedNode task = recorder.Started[i];
            observer.OnTaskStarted(info, task);
            if (i != 3)
            {
                observer.OnTaskCompleted(info, task);
            }
        }

        JsonElement open = DashboardRun.Newest(await DashboardRun.StateAsync(dashboard))!.Value;
        OnAnotherThread(() => observer.OnTaskCompleted(info, recorder.Started[3]));
        observer.OnComputeFinished(info, ComputeStatus.Succeeded, null);
        JsonElement ended = DashboardRun.Newest(await DashboardRun.StateAsync(dashboard))!.Value;

        int total = WideGraph.TaskCount(5);
        Assert.Equal((total - 1, 1), (open.GetProperty("done").GetInt32(), open.GetProperty("running").GetInt32()));
        Assert.Equal((total, 0, 0), (ended.GetProperty("done").GetInt32(), ended.GetProperty("running").GetInt32(), ended.GetProperty("waiting").GetInt32()));
        Assert.Equal((2, total - 2), (ended.GetProperty("spanCount").GetInt32(), ended.GetProperty("countedOnly").GetInt32()));
        JsonElement step = ended.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Step");
        Assert.Equal((5, 0), (step.GetProperty("done").GetInt32(), step.GetProperty("running").GetInt32()));
    }

    [Fact]
    public async Task A_node_counted_in_one_compute_ends_as_recorded_in_another_that_shares_it()
    {
        // Step 0 is a task of a compute too big to draw (7 tasks) and of a drawn one (3 tasks). It starts in the first
        // (counted here, after two shown starts), then in the second elsewhere, and ends in the second here first.
        Delayed<int>[] steps = Enumerable.Range(0, 5).Select(i => WideGraph.StepDelayed(i)).ToArray();
        var (bigRecorder, smallRecorder) = (new TaskRecorder(), new TaskRecorder());
        WideGraph.SumDelayed(Delayed.All(steps)).Compute(new ComputeOptions { Observers = new[] { bigRecorder } });
        WideGraph.SumDelayed(Delayed.All(new[] { steps[0] })).Compute(new ComputeOptions { Observers = new[] { smallRecorder } });
        (ComputeInfo big, ComputeInfo small) = (bigRecorder.Compute!, smallRecorder.Compute!);
        await using TaskGraphDashboard dashboard = await StartAsync(maxDrawnTasks: 5, TimeSpan.FromSeconds(1));
        IComputeObserver observer = dashboard;
        DelayedNode shared = steps[0];

        observer.OnComputeStarted(big);
        observer.OnComputeStarted(small);
        foreach (DelayedNode shown in new DelayedNode[] { steps[1], steps[2] })
        {
            observer.OnTaskStarted(big, shown);
            observer.OnTaskCompleted(big, shown);
        }

        observer.OnTaskStarted(big, shared);
        OnAnotherThread(() => observer.OnTaskStarted(small, shared));
        observer.OnTaskCompleted(small, shared);
        Replay(observer, small, smallRecorder.Started.Where(task => task != shared));
        observer.OnComputeFinished(small, ComputeStatus.Succeeded, null);
        OnAnotherThread(() => observer.OnTaskCompleted(big, shared));
        Replay(observer, big, bigRecorder.Started.Where(task => task != shared && task != steps[1] && task != steps[2]));
        observer.OnComputeFinished(big, ComputeStatus.Succeeded, null);

        JsonElement state = await DashboardRun.StateAsync(dashboard);
        JsonElement[] computes = state.GetProperty("computes").EnumerateArray().ToArray();
        JsonElement bigView = computes.Single(c => c.GetProperty("id").GetInt64() == big.Id);
        JsonElement smallView = computes.Single(c => c.GetProperty("id").GetInt64() == small.Id);
        Assert.Equal((3, 0, 3), (smallView.GetProperty("done").GetInt32(), smallView.GetProperty("running").GetInt32(), smallView.GetProperty("spanCount").GetInt32()));
        Assert.Equal((7, 0), (bigView.GetProperty("done").GetInt32(), bigView.GetProperty("running").GetInt32()));
    }

    private static void Replay(IComputeObserver observer, ComputeInfo compute, System.Collections.Generic.IEnumerable<DelayedNode> tasks)
    {
        foreach (DelayedNode task in tasks)
        {
            observer.OnTaskStarted(compute, task);
            observer.OnTaskCompleted(compute, task);
        }
    }

    private static void OnAnotherThread(Action callback)
    {
        var thread = new Thread(() => callback());
        thread.Start();
        thread.Join();
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

    private sealed class TaskRecorder : IComputeObserver
    {
        public ComputeInfo? Compute { get; private set; }

        public System.Collections.Generic.List<DelayedNode> Started { get; } = new();

        public void OnComputeStarted(ComputeInfo compute) => Compute = compute;

        public void OnTaskStarted(ComputeInfo compute, DelayedNode task)
        {
            lock (Started)
            {
                Started.Add(task);
            }
        }
    }
}

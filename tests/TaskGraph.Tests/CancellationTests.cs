using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Tests;

public sealed class CancellationTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Theory]
    [ClassData(typeof(Schedulers))]
    public async Task CancelStopsTheComputeAfterRunningTasksEnd(ComputeScheduler scheduler)
    {
        using var cancel = new CancellationTokenSource();
        using var firstRunning = new ManualResetEventSlim();
        bool sawCancellation = false;
        var probe = new Probe((name, input, ct) =>
        {
            if (name == "first")
            {
                firstRunning.Set();
                sawCancellation = ct.WaitHandle.WaitOne(HangGuard);
            }

            return input;
        });
        Delayed<int> chain = probe.RunDelayed("second", probe.RunDelayed("first", 1));

        // Off the test thread: the synchronous scheduler runs the first task on the thread that starts the compute.
        Task<int> compute = Task.Run(() => chain.ComputeAsync(new ComputeOptions { Scheduler = scheduler }, cancel.Token));
        Assert.True(firstRunning.Wait(HangGuard));
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => compute);
        Assert.True(sawCancellation);
        Assert.Equal(new[] { "first" }, probe.Started);
        Assert.Equal(0, probe.Running);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void AlreadyCanceledTokenStartsNothing(ComputeScheduler scheduler)
    {
        var probe = new Probe();
        Delayed<int>[] tasks = Enumerable.Range(0, 10).Select(i => probe.RunDelayed("t", i)).ToArray();

        Assert.ThrowsAny<OperationCanceledException>(() => Delayed.Compute(tasks, new ComputeOptions { Scheduler = scheduler }, new CancellationToken(canceled: true)));
        Assert.Equal(0, probe.Calls);
    }

    [Fact]
    public void QueuedTasksNeverStartAfterCancellation()
    {
        using var cancel = new CancellationTokenSource();
        using var bothRunning = new CountdownEvent(2);
        var probe = new Probe((name, input, ct) =>
        {
            if (name == "running")
            {
                bothRunning.Signal();
                ct.WaitHandle.WaitOne(HangGuard);
                Thread.Sleep(20);
            }

            return input;
        });
        Delayed<int>[] targets = new[] { probe.RunDelayed("running", 0), probe.RunDelayed("running", 1) }
            .Concat(Enumerable.Range(0, 50).Select(i => probe.RunDelayed("queued", i)))
            .ToArray();

        Task<int[]> compute = Delayed.ComputeAsync(targets, new ComputeOptions { MaxDegreeOfParallelism = 2 }, cancel.Token);
        Assert.True(bothRunning.Wait(HangGuard));
        cancel.Cancel();

        var error = Assert.ThrowsAny<OperationCanceledException>(() => compute.GetAwaiter().GetResult());
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.DoesNotContain("queued", probe.Started);
        Assert.Equal(0, probe.Running);
        Assert.Equal(2, probe.Finished.Count);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void TaskThatThrowsOnCancellationEndsAsCanceled(ComputeScheduler scheduler)
    {
        using var cancel = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        var probe = new Probe((_, input, ct) =>
        {
            started.Set();
            ct.WaitHandle.WaitOne(HangGuard);
            ct.ThrowIfCancellationRequested();
            return input;
        });

        Task<int> compute = Task.Run(() => probe.RunDelayed("t", 1).ComputeAsync(new ComputeOptions { Scheduler = scheduler }, cancel.Token));
        Assert.True(started.Wait(HangGuard));
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => compute.GetAwaiter().GetResult());
        Assert.IsNotType<DelayedTaskException>(compute.Exception?.InnerException);
    }
}

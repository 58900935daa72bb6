using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Tests;

public sealed class CancellationTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CancelStopsTheComputeAfterRunningTasksEnd()
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

        Task<int> compute = chain.ComputeAsync(cancellationToken: cancel.Token);
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
}

using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Scheduling;
using Xunit;

namespace TaskGraph.Tests;

/// <summary>Every compute gives its pooled arrays back, whatever its outcome (runs alone: <see cref="PooledArrays.Outstanding"/> is process-wide).</summary>
[Collection(RunsAlone.Name)]
public sealed class PooledArrayTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void SucceededComputeReturnsItsArrays(ComputeScheduler scheduler)
    {
        int before = PooledArrays.Outstanding;
        Delayed<int>[] items = Enumerable.Range(0, 1_000).Select(i => Arithmetic.IncrementDelayed(i)).ToArray();

        long sum = Arithmetic.SumDelayed(Delayed.All(items)).Compute(new ComputeOptions { Scheduler = scheduler });

        Assert.Equal(500_500L, sum);
        AssertReturnedTo(before);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void FailedComputeReturnsItsArrays(ComputeScheduler scheduler)
    {
        int before = PooledArrays.Outstanding;
        Delayed<int>[] items = Enumerable.Range(0, 100)
            .Select(i => Step.Of<int, int>("MayFail", value => value == 50 ? throw new InvalidOperationException("fifty") : value, i))
            .ToArray();

        Assert.Throws<DelayedTaskException>(() => Delayed.Compute(items, new ComputeOptions { Scheduler = scheduler }));

        AssertReturnedTo(before);
    }

    [Fact]
    public async Task CanceledComputeReturnsItsArrays()
    {
        int before = PooledArrays.Outstanding;
        using var cancel = new CancellationTokenSource();
        using var running = new ManualResetEventSlim();
        Delayed<int> waiting = Step.OfAsync<int, int>(
            "Wait",
            async value =>
            {
                running.Set();
                await Task.Delay(Timeout.Infinite, cancel.Token);
                return value;
            },
            1);
        Delayed<int> after = Arithmetic.IncrementDelayed(waiting);

        Task<int> compute = after.ComputeAsync(cancellationToken: cancel.Token);
        Assert.True(running.Wait(HangGuard));
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => compute);
        AssertReturnedTo(before);
    }

    [Fact]
    public void BlockingTasksComputeReturnsItsArrays()
    {
        int before = PooledArrays.Outstanding;
        Delayed<int>[] items = Enumerable.Range(0, 20).Select(i => Step.Of<int, int>("Block", value => value * 2, i, blocking: true)).ToArray();

        int[] values = Delayed.Compute(items);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * 2), values);
        AssertReturnedTo(before);
    }

    /// <summary>
    /// A compute returns once its results are in; its last worker may still be leaving and hands the
    /// arrays back as it does, so the count is awaited (the guard only avoids a hang) and then asserted.
    /// </summary>
    private static void AssertReturnedTo(int before)
    {
        SpinWait.SpinUntil(() => PooledArrays.Outstanding == before, HangGuard);
        Assert.Equal(before, PooledArrays.Outstanding);
    }
}

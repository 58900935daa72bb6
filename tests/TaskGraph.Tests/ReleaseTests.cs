using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Tests;

public sealed class ReleaseTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Theory]
    [ClassData(typeof(Schedulers))]
    public async Task ConsumedIntermediateIsCollectableWhileTheComputeRuns(ComputeScheduler scheduler)
    {
        var blob = new WeakReference<byte[]>(null!);
        using var gateReached = new ManualResetEventSlim();
        using var checkDone = new ManualResetEventSlim();
        Delayed<byte[]> produced = Step.Of<int, byte[]>("Produce", size => Remember(blob, new byte[size]), 1 << 20);
        Delayed<int> measured = Step.Of<byte[], int>("Measure", bytes => bytes.Length, produced);
        Delayed<int> gated = Step.Of<int, int>(
            "Gate",
            length =>
            {
                gateReached.Set();
                checkDone.Wait(HangGuard);
                return length;
            },
            measured);

        Task<int> compute = Task.Run(() => gated.ComputeAsync(new ComputeOptions { Scheduler = scheduler }));
        Assert.True(gateReached.Wait(HangGuard));
        bool aliveWhileRunning = IsAliveAfterCollect(blob);
        checkDone.Set();

        Assert.Equal(1 << 20, await compute);
        Assert.False(aliveWhileRunning, "the intermediate array was still referenced after its only consumer ran");
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void TargetIsKeptEvenWhenAnotherTaskConsumesIt(ComputeScheduler scheduler)
    {
        Delayed<int[]> produced = Step.Of<int, int[]>("Produce", n => new int[n], 3);
        Delayed<int> measured = Step.Of<int[], int>("Measure", values => values.Length, produced);

        var (values, length) = Delayed.Compute(produced, measured, new ComputeOptions { Scheduler = scheduler });

        Assert.Equal(3, values.Length);
        Assert.Equal(3, length);
    }

    private static byte[] Remember(WeakReference<byte[]> reference, byte[] value)
    {
        reference.SetTarget(value);
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsAliveAfterCollect(WeakReference<byte[]> reference)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return reference.TryGetTarget(out _);
    }
}

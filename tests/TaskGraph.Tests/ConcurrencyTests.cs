using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Tests;

public sealed class ConcurrencyTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public void BlockingTasksOverlapOutsideTheCpuLimit()
    {
        // Every blocking task waits for all the others to start: with one CPU slot only blocking threads can do that.
        const int Count = 64;
        using var allStarted = new Barrier(Count);
        var probe = new Probe((_, input, _) => allStarted.SignalAndWait(HangGuard) ? input : -1);
        Delayed<int>[] tasks = Enumerable.Range(0, Count).Select(i => probe.RunBlockingDelayed("sleep", i)).ToArray();

        int[] values = Delayed.Compute(tasks, new ComputeOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(Enumerable.Range(0, Count), values);
        Assert.Equal(Count, probe.MaxRunning);
    }

    [Fact]
    public async Task AwaitingTasksHoldNoThread()
    {
        // Each task waits until all 200 are waiting at once: impossible if an await held the single CPU slot.
        const int Count = 200;
        int waiting = 0;
        int mostWaiting = 0;
        var allWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new Probe(asyncBody: async (_, input, _) =>
        {
            int now = Interlocked.Increment(ref waiting);
            InterlockedMax(ref mostWaiting, now);
            if (now == Count)
            {
                allWaiting.SetResult();
            }

            await allWaiting.Task.WaitAsync(HangGuard);
            await Task.Delay(1);
            Interlocked.Decrement(ref waiting);
            return input;
        });
        Delayed<int>[] tasks = Enumerable.Range(0, Count).Select(i => probe.RunAsyncDelayed("delay", i)).ToArray();

        int[] values = await Delayed.ComputeAsync(tasks, new ComputeOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(Enumerable.Range(0, Count), values);
        Assert.Equal(Count, mostWaiting);
    }

    [Fact]
    public void SynchronouslyCompletedAsyncResultsAreTakenAtOnce()
    {
        var probe = new Probe(asyncBody: (_, input, _) => Task.FromResult(input * 3));
        Delayed<int> chain = probe.RunAsyncDelayed("b", probe.RunAsyncDelayed("a", 2));

        Assert.Equal(18, chain.Compute());
    }

    [Fact]
    public async Task AsyncFailureAfterAnAwaitIsNamed()
    {
        var probe = new Probe(asyncBody: async (_, _, _) =>
        {
            await Task.Yield();
            throw new TimeoutException("late");
        });
        Delayed<int> failing = probe.RunAsyncDelayed("x", 1);

        var error = await Assert.ThrowsAsync<DelayedTaskException>(() => Arithmetic.IncrementDelayed(failing).ComputeAsync());

        Assert.Equal(failing.Key, error.TaskKey);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public void ComputesOnEightThreadsShareNodesSafely()
    {
        Delayed<int>[] shared = Enumerable.Range(0, 200).Select(i => Arithmetic.IncrementDelayed(i)).ToArray();
        Delayed<long>[] perThread = Enumerable.Range(0, 8)
            .Select(t => Arithmetic.SumDelayed(Delayed.All(shared.Select(s => Arithmetic.AddDelayed(s, t)))))
            .ToArray();
        var results = new long[8];

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            for (int repeat = 0; repeat < 20; repeat++)
            {
                results[t] = perThread[t].Compute();
            }
        });

        for (int t = 0; t < 8; t++)
        {
            Assert.Equal(Enumerable.Range(1, 200).Sum() + (200L * t), results[t]);
        }
    }

    [Fact]
    public void NestedComputeInsideATaskCompletesWithOneSlot()
    {
        var options = new ComputeOptions { MaxDegreeOfParallelism = 1 };
        var probe = new Probe((_, input, _) => Arithmetic.AddDelayed(Arithmetic.IncrementDelayed(input), 10).Compute(options));
        Delayed<int>[] outer = Enumerable.Range(0, 4).Select(i => probe.RunDelayed("outer", i)).ToArray();

        Assert.Equal(new[] { 11, 12, 13, 14 }, Delayed.Compute(outer, options));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
            seen = Volatile.Read(ref target);
        }
    }
}

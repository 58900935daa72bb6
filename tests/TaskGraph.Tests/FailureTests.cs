using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Tests;

public sealed class FailureTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void FailureNamesTheTaskAndKeepsTheOriginalException(ComputeScheduler scheduler)
    {
        var probe = new Probe((name, input, _) => name == "bad" ? throw new FormatException("row 7") : input);
        Delayed<int> bad = probe.RunDelayed("bad", 1);

        var error = Assert.Throws<DelayedTaskException>(() => Arithmetic.IncrementDelayed(bad).Compute(new ComputeOptions { Scheduler = scheduler }));

        Assert.Equal(bad.Key, error.TaskKey);
        Assert.StartsWith("Run-", error.TaskKey, StringComparison.Ordinal);
        Assert.Equal("Run", error.Method?.Name);
        FormatException inner = Assert.IsType<FormatException>(error.InnerException);
        Assert.Equal("row 7", inner.Message);
        Assert.Contains(nameof(FailureNamesTheTaskAndKeepsTheOriginalException), inner.StackTrace, StringComparison.Ordinal);
        Assert.Contains(bad.Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingStartsAfterAFailureAndRunningTasksFinishFirst()
    {
        // "slow" is running when "bad" fails; "later" waits for "bad"'s sibling and must never start.
        using var slowStarted = new ManualResetEventSlim();
        var probe = new Probe((name, input, ct) =>
        {
            switch (name)
            {
                case "slow":
                    slowStarted.Set();
                    // Holds on until the compute cancels it, proving running tasks see the failure.
                    ct.WaitHandle.WaitOne(HangGuard);
                    Thread.Sleep(50);
                    return input;
                case "bad":
                    slowStarted.Wait(HangGuard);
                    throw new InvalidOperationException("broken");
                default:
                    return input;
            }
        });
        Delayed<int> slow = probe.RunDelayed("slow", 1);
        Delayed<int> bad = probe.RunDelayed("bad", 2);
        Delayed<int> later = probe.RunDelayed("later", Arithmetic.AddDelayed(slow, bad));

        var error = await Assert.ThrowsAsync<DelayedTaskException>(() => later.ComputeAsync(new ComputeOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal(bad.Key, error.TaskKey);
        Assert.Equal(0, probe.Running);
        Assert.Equal(new[] { "bad", "slow" }, probe.Started.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(2, probe.Finished.Count);
    }

    [Fact]
    public void AnInvokerReadingPastItsArgumentsFailsNamingTheTaskAndItsCount()
    {
        Delayed<int> misread = DelayedCall.Create(TestMethods.Describe("Misread", 1), static (args, _) => args.Get<int>(1), Delayed.Value(5));

        var error = Assert.Throws<DelayedTaskException>(() => misread.Compute());

        var inner = Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Equal(1, inner.ActualValue);
        Assert.Contains($"Task '{misread.Key}' has 1 arguments.", inner.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QueuedTasksNeverStartAfterAFailure()
    {
        // Two slots: "slow" and "bad" take them (they come first); fifty more wait in the queue.
        using var slowStarted = new ManualResetEventSlim();
        var probe = new Probe((name, input, ct) =>
        {
            if (name == "slow")
            {
                slowStarted.Set();
                ct.WaitHandle.WaitOne(HangGuard);
                Thread.Sleep(20);
            }
            else if (name == "bad")
            {
                slowStarted.Wait(HangGuard);
                throw new InvalidOperationException("broken");
            }

            return input;
        });
        Delayed<int>[] targets = new[] { probe.RunDelayed("slow", 0), probe.RunDelayed("bad", 0) }
            .Concat(Enumerable.Range(0, 50).Select(i => probe.RunDelayed("queued", i)))
            .ToArray();

        var error = Assert.Throws<DelayedTaskException>(() => Delayed.Compute(targets, new ComputeOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal(targets[1].Key, error.TaskKey);
        Assert.DoesNotContain("queued", probe.Started);
        Assert.Equal(0, probe.Running);
        Assert.Equal(probe.Started.Count, probe.Finished.Count);
    }

    [Fact]
    public void FirstFailureWins()
    {
        // "second" fails too, but only once the first failure has cancelled the compute's token.
        var probe = new Probe((name, _, ct) =>
        {
            if (name == "second")
            {
                ct.WaitHandle.WaitOne(HangGuard);
                throw new InvalidOperationException("second");
            }

            throw new InvalidOperationException("first");
        });
        Delayed<int> first = probe.RunDelayed("first", 0);
        Delayed<int> second = probe.RunDelayed("second", 0);

        var error = Assert.Throws<DelayedTaskException>(() => Delayed.Compute(second, first, new ComputeOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal(first.Key, error.TaskKey);
        Assert.Equal("first", error.InnerException?.Message);
    }
}

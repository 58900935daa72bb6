using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
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
}

using System;
using System.Linq;
using System.Threading;
using Xunit;

namespace TaskGraph.Tests;

public sealed class ParallelismTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public void IndependentTasksRunAtTheSameTime()
    {
        // Each task waits for the other to start: only a parallel run finishes both.
        using var bothStarted = new Barrier(2);
        var probe = new Probe((_, input, _) => bothStarted.SignalAndWait(HangGuard) ? input : -1);

        var (left, right) = Delayed.Compute(
            probe.RunDelayed("left", 1),
            probe.RunDelayed("right", 2),
            new ComputeOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal((1, 2), (left, right));
        Assert.Equal(2, probe.MaxRunning);
    }

    [Fact]
    public void SharedNodeRunsOnce()
    {
        var probe = new Probe();
        Delayed<int> shared = probe.RunDelayed("shared", 1);
        Delayed<int>[] consumers = Enumerable.Range(0, 20).Select(i => Arithmetic.AddDelayed(shared, i)).ToArray();

        int[] values = Delayed.Compute(consumers);

        Assert.Equal(Enumerable.Range(2, 20), values);
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public void MaxDegreeOfParallelismLimitsCpuTasks()
    {
        var probe = new Probe((_, input, _) =>
        {
            Thread.SpinWait(20_000);
            return input;
        });
        Delayed<int>[] tasks = Enumerable.Range(0, 200).Select(i => probe.RunDelayed("t", i)).ToArray();

        Delayed.Compute(tasks, new ComputeOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(200, probe.Calls);
        Assert.Equal(1, probe.MaxRunning);
    }
}

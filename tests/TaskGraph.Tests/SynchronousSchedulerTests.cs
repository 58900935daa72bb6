using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Tests;

public sealed class SynchronousSchedulerTests
{
    [Fact]
    public void RunsInBuildOrderOnTheCallingThread()
    {
        var threads = new ConcurrentBag<int>();
        var probe = new Probe((_, input, _) =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            return input;
        });
        Delayed<int> x = probe.RunDelayed("x", 1);
        Delayed<int> y = probe.RunDelayed("y", 2);
        Delayed<int> usesY = probe.RunDelayed("uses-y", y);
        Delayed<int> usesX = probe.RunDelayed("uses-x", x);
        // The walk from the target meets y first; build order puts x first.
        Delayed<int> target = probe.RunDelayed("last", Arithmetic.AddDelayed(usesY, usesX));

        int value = target.Compute(new ComputeOptions { Scheduler = ComputeScheduler.Synchronous });

        Assert.Equal(3, value);
        Assert.Equal(new[] { "x", "y", "uses-y", "uses-x", "last" }, probe.Started);
        Assert.Equal(new[] { Environment.CurrentManagedThreadId }, System.Linq.Enumerable.Distinct(threads));
    }

    [Fact]
    public async Task AwaitsAsyncTasksOneAtATime()
    {
        var probe = new Probe(asyncBody: async (_, input, ct) =>
        {
            await Task.Delay(5, ct);
            return input * 2;
        });
        Delayed<int> first = probe.RunAsyncDelayed("a", 1);
        Delayed<int> second = probe.RunAsyncDelayed("b", 2);

        var (a, b) = await Delayed.ComputeAsync(first, second, new ComputeOptions { Scheduler = ComputeScheduler.Synchronous });

        Assert.Equal((2, 4), (a, b));
        Assert.Equal(1, probe.MaxRunning);
        Assert.Equal(new[] { "a", "b" }, probe.Started);
    }
}

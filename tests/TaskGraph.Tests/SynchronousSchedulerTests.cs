using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Tests;

public sealed class SynchronousSchedulerTests
{
    [Fact]
    public void RunsEachTasksSuccessorNextOnTheCallingThreadInTheSameOrderEveryRun()
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
        Delayed<int> target = probe.RunDelayed("last", Arithmetic.AddDelayed(usesY, usesX));
        var options = new ComputeOptions { Scheduler = ComputeScheduler.Synchronous };

        int first = target.Compute(options);
        string[] firstOrder = probe.Started.ToArray();
        int second = target.Compute(options);

        Assert.Equal((3, 3), (first, second));

        // The same core as the parallel scheduler's, with one worker: sources in the order the walk from the
        // target meets them (y first), each one's successor run next while its inputs are all finished.
        Assert.Equal(new[] { "y", "uses-y", "x", "uses-x", "last" }, firstOrder);
        Assert.Equal(firstOrder, probe.Started.Skip(firstOrder.Length));
        Assert.Equal(new[] { Environment.CurrentManagedThreadId }, threads.Distinct());
    }

    [Fact]
    public void RunsBlockingTasksOnTheCallingThreadToo()
    {
        var threads = new ConcurrentBag<int>();
        var probe = new Probe((_, input, _) =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            return input + 1;
        });
        Delayed<int> target = probe.RunBlockingDelayed("outer", probe.RunBlockingDelayed("inner", 1));

        Assert.Equal(3, target.Compute(new ComputeOptions { Scheduler = ComputeScheduler.Synchronous }));
        Assert.Equal(new[] { Environment.CurrentManagedThreadId }, threads.Distinct());
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

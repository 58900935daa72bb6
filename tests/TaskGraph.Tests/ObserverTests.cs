using System;
using System.Linq;
using System.Threading;
using Xunit;

namespace TaskGraph.Tests;

public sealed class ObserverTests
{
    [Theory]
    [ClassData(typeof(Schedulers))]
    public void EventsComeInOrderAndProgressEndsComplete(ComputeScheduler scheduler)
    {
        var observer = new RecordingObserver();
        Delayed<int> a = Arithmetic.IncrementDelayed(1);
        Delayed<int> b = Arithmetic.IncrementDelayed(2);
        Delayed<int> sum = Arithmetic.AddDelayed(a, b);

        sum.Compute(new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer }, Progress = observer });

        var events = observer.Events;
        Assert.Equal("compute started 3", events[0]);
        Assert.Equal("compute finished Succeeded", events[^1]);
        foreach (DelayedNode task in new DelayedNode[] { a, b, sum })
        {
            int started = events.ToList().IndexOf($"started {task.Key}");
            Assert.True(started > 0);
            Assert.True(events.ToList().IndexOf($"completed {task.Key}") > started);
        }

        Assert.True(events.ToList().IndexOf($"completed {a.Key}") < events.ToList().IndexOf($"started {sum.Key}"));
        Assert.Equal(8, events.Count);
        Assert.Equal(new ComputeProgress(3, 0, 0, 0), observer.Reports[0]);
        Assert.Equal(new ComputeProgress(3, 3, 0, 0), observer.Reports[^1]);
        Assert.Null(observer.FinishedException);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void ConstantsAreNotTasks(ComputeScheduler scheduler)
    {
        var observer = new RecordingObserver();

        Assert.Equal(4, Delayed.Value(4).Compute(new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer } }));
        Assert.Equal(new[] { "compute started 0", "compute finished Succeeded" }, observer.Events);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void FinishFiresWhenATaskFails(ComputeScheduler scheduler)
    {
        var observer = new RecordingObserver();
        var probe = new Probe((_, _, _) => throw new InvalidOperationException("no"));
        Delayed<int> failing = probe.RunDelayed("x", 1);

        var error = Assert.Throws<DelayedTaskException>(
            () => Arithmetic.IncrementDelayed(failing).Compute(new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer }, Progress = observer }));

        Assert.Equal(new[] { "compute started 2", $"started {failing.Key}", $"failed {failing.Key}", "compute finished Failed" }, observer.Events);
        Assert.Same(error, observer.FinishedException);
        Assert.Equal(new ComputeProgress(2, 0, 0, 1), observer.Reports[^1]);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void FinishFiresWhenCanceled(ComputeScheduler scheduler)
    {
        var observer = new RecordingObserver();

        Assert.ThrowsAny<OperationCanceledException>(
            () => Arithmetic.IncrementDelayed(1).Compute(new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer } }, new CancellationToken(canceled: true)));

        Assert.Equal(ComputeStatus.Canceled, observer.FinishedStatus);
        Assert.IsAssignableFrom<OperationCanceledException>(observer.FinishedException);
        Assert.Equal("compute finished Canceled", observer.Events[^1]);
    }

    [Theory]
    [InlineData(nameof(IComputeObserver.OnComputeStarted))]
    [InlineData(nameof(IComputeObserver.OnTaskStarted))]
    [InlineData(nameof(IComputeObserver.OnTaskCompleted))]
    [InlineData(nameof(IComputeObserver.OnComputeFinished))]
    public void ThrowingObserverFailsTheComputeClearlyAndOthersStillHearTheFinish(string callback)
    {
        var broken = new RecordingObserver { ThrowIn = callback };
        var witness = new RecordingObserver();
        Delayed<int> chain = Arithmetic.IncrementDelayed(Arithmetic.IncrementDelayed(1));

        var error = Assert.Throws<InvalidOperationException>(() => chain.Compute(new ComputeOptions { Observers = new IComputeObserver[] { broken, witness } }));

        Assert.Contains(callback, error.Message, StringComparison.Ordinal);
        Assert.IsType<ApplicationException>(error.InnerException);
        Assert.Equal(1, witness.Events.Count(e => e.StartsWith("compute finished", StringComparison.Ordinal)));
        Assert.Equal(1, broken.Events.Count(e => e.StartsWith("compute finished", StringComparison.Ordinal)));
    }
}

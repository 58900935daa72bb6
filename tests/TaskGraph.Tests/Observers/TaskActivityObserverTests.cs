using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using TaskGraph.Diagnostics;
using Xunit;

namespace TaskGraph.Tests.Observers;

public sealed class TaskActivityObserverTests
{
    [Fact]
    public void EachTaskIsOneActivityChildOfTheCallersActivity()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Listen(stopped);
        using var callerSource = new ActivitySource("TaskGraph.Tests.Caller");
        Delayed<int> shared = Step.Of<int, int>("ActivityShared", i => i + 1, 1);
        Delayed<int> left = Step.Of<int, int>("ActivityLeft", i => i * 2, shared);
        Delayed<int> right = Step.Of<int, int>("ActivityRight", i => i * 3, shared);
        Delayed<int> target = Arithmetic.AddDelayed(left, right);
        var keys = new[] { shared.Key, left.Key, right.Key, target.Key };
        ActivitySpanId callerSpan;

        using (Activity caller = callerSource.StartActivity("caller")!)
        {
            callerSpan = caller.SpanId;
            Assert.Equal(10, target.Compute(new ComputeOptions { Observers = new[] { TaskActivityObserver.Instance } }));
            Assert.Same(caller, Activity.Current);
        }

        var mine = stopped.Where(a => keys.Contains((string?)a.GetTagItem(TaskActivityObserver.TaskKeyTag))).ToList();
        Assert.Equal(4, mine.Count);
        Assert.Equal(new[] { "ActivityLeft", "ActivityRight", "ActivityShared", "Add" }, mine.Select(a => a.DisplayName).Order());
        Assert.All(mine, a =>
        {
            Assert.Equal(callerSpan, a.ParentSpanId);
            Assert.Equal(ActivityStatusCode.Unset, a.Status);
            Assert.StartsWith("M:TaskGraph.Tests.", (string?)a.GetTagItem(TaskActivityObserver.MethodIdTag), StringComparison.Ordinal);
            Assert.IsType<long>(a.GetTagItem(TaskActivityObserver.ComputeIdTag));
        });
    }

    [Fact]
    public void FailedTaskActivityHasErrorStatusAndTheException()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = Listen(stopped);
        Delayed<int> bad = Step.Of<int, int>("ActivityBoom", _ => throw new FormatException("row 7"), 1);

        Assert.Throws<DelayedTaskException>(() => bad.Compute(new ComputeOptions { Observers = new[] { TaskActivityObserver.Instance } }));

        Activity failed = Assert.Single(stopped, a => (string?)a.GetTagItem(TaskActivityObserver.TaskKeyTag) == bad.Key);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("row 7", failed.StatusDescription);
        ActivityEvent exception = Assert.Single(failed.Events);
        Assert.Equal("exception", exception.Name);
        Assert.Contains(exception.Tags, tag => tag.Key == "exception.type" && (string?)tag.Value == typeof(FormatException).FullName);
    }

    private static ActivityListener Listen(ConcurrentQueue<Activity> stopped)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is TaskActivityObserver.SourceName or "TaskGraph.Tests.Caller",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == TaskActivityObserver.SourceName)
                {
                    stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}

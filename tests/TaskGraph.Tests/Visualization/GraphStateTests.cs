using System;
using System.Linq;
using TaskGraph.Diagnostics;
using Xunit;

namespace TaskGraph.Tests.Visualization;

public sealed class GraphStateTests
{
    [Fact]
    public void StatesAfterAFailingComputeAreDoneFailedAndNotRun()
    {
        // The synchronous scheduler runs tasks in build order and stops at the first failure.
        Delayed<int> ok = Arithmetic.IncrementDelayed(1);
        Delayed<int> bad = Step.Of<int, int>("Boom", _ => throw new InvalidOperationException("broken"), ok);
        Delayed<int> afterBad = Arithmetic.IncrementDelayed(bad);
        Delayed<int> independent = Arithmetic.IncrementDelayed(7);
        Delayed<int> target = Arithmetic.AddDelayed(afterBad, independent);
        var states = new GraphStateRecorder();

        Assert.Throws<DelayedTaskException>(() => target.Compute(new ComputeOptions { Scheduler = ComputeScheduler.Synchronous, Observers = new[] { states } }));

        Assert.Equal(TaskState.Done, states.StateOf(ok));
        Assert.Equal(TaskState.Failed, states.StateOf(bad));
        Assert.Equal(TaskState.NotRun, states.StateOf(afterBad));
        Assert.Equal(TaskState.NotRun, states.StateOf(independent));
        Assert.Equal(TaskState.NotRun, states.StateOf(target));

        var fills = DotText.Nodes(target.ToDot(states)).Select(n => n.Attributes["fillcolor"]).ToList();
        Assert.Equal(5, fills.Count);
        Assert.Equal(1, fills.Count(f => f == "#c8e6c9"));
        Assert.Equal(1, fills.Count(f => f == "#ffcdd2"));
        Assert.Equal(3, fills.Count(f => f == "#eeeeee"));

        string mermaid = target.ToMermaid(states);
        Assert.Equal(1, Count(mermaid, ":::done"));
        Assert.Equal(1, Count(mermaid, ":::failed"));
        Assert.Equal(3, Count(mermaid, ":::notRun"));
        Assert.Contains("classDef failed fill:#ffcdd2", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void AfterASuccessfulComputeEveryTaskIsDone()
    {
        Delayed<int> shared = Arithmetic.IncrementDelayed(1);
        Delayed<int> target = Arithmetic.AddDelayed(Arithmetic.AddDelayed(shared, 2), Arithmetic.IncrementDelayed(shared));
        var states = new GraphStateRecorder();

        target.Compute(new ComputeOptions { Observers = new[] { states } });

        var fills = DotText.Nodes(target.ToDot(states)).Select(n => n.Attributes["fillcolor"]).ToList();
        Assert.Equal(4, fills.Count);
        Assert.All(fills, fill => Assert.Equal("#c8e6c9", fill));
    }

    private static int Count(string text, string part)
        => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}

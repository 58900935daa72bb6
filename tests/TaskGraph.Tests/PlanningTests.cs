using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Tests;

/// <summary>What planning and the run learn from a node's shape: sources, shared inputs, collections.</summary>
public sealed class PlanningTests
{
    [Fact]
    public void CallOnConstantsAndNullHandlesOnlyIsASource()
    {
        DelayedMethod pair = TestMethods.Describe("Pair", 2);
        Delayed<string> withNull = DelayedCall.Create(pair, static (args, _) => $"{args.Get<int>(0)}:{args.Get<string>(1) ?? "null"}", Delayed.Value(7), null);
        Delayed<int> onTask = Arithmetic.AddDelayed(Arithmetic.IncrementDelayed(1), 2);

        Assert.True(Arithmetic.AddDelayed(1, 2).IsSource);
        Assert.True(withNull.IsSource);
        Assert.False(onTask.IsSource);
        Assert.Equal("7:null", withNull.Compute());
        Assert.Equal(4, onTask.Compute());
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void CollectionReadsTasksConstantsAndNullHandlesInOrder(ComputeScheduler scheduler)
    {
        Delayed<int[]> items = Delayed.All(new[] { Arithmetic.IncrementDelayed(1), 5, null!, Arithmetic.AddDelayed(2, 3) });

        Assert.Equal(new[] { 2, 5, 0, 5 }, items.Compute(new ComputeOptions { Scheduler = scheduler }));
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void SharedInputIsKeptUntilItsLastConsumerRuns(ComputeScheduler scheduler)
    {
        Delayed<int[]> shared = Step.Of<int, int[]>("Produce", n => new int[n], 3);
        Delayed<int> first = Step.Of<int[], int>("First", values => values.Length, shared);

        // Runs after the first consumer (it needs its result) and reads the shared input too.
        Delayed<int> second = DelayedCall.Create(
            TestMethods.Describe("Second", 2), static (args, _) => args.Get<int[]>(0).Length + args.Get<int>(1), shared, first);

        Assert.Equal(6, second.Compute(new ComputeOptions { Scheduler = scheduler }));
    }
}

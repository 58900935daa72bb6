using System;
using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Tests.Execution;

public sealed class DelayedArgumentsFromValuesTests
{
    [Fact]
    public void ReadsEachValueAsItsTypeAndNullAsDefault()
    {
        DelayedArguments arguments = DelayedArguments.FromValues(new object?[] { 3, "x", null, null });

        Assert.Equal(3, arguments.Get<int>(0));
        Assert.Equal("x", arguments.Get<string>(1));
        Assert.Equal(0, arguments.Get<int>(2));
        Assert.Null(arguments.Get<string>(3));
    }

    [Fact]
    public void BadReadsSayWhatIsWrong()
    {
        DelayedArguments arguments = DelayedArguments.FromValues(new object?[] { "x" });

        Assert.Contains("String", Assert.Throws<InvalidCastException>(() => arguments.Get<int>(0)).Message);
        Assert.Contains("1 values", Assert.Throws<ArgumentOutOfRangeException>(() => arguments.Get<int>(1)).Message);
        Assert.Throws<InvalidOperationException>(() => default(DelayedArguments).Get<int>(0));
    }

    [Fact]
    public void RunsAGeneratedStyleInvokerAndACollectionFromValuesAlone()
    {
        Delayed<int[]> all = Delayed.All(new Delayed<int>[] { 1, 2 });
        var handed = new PoolExecutorScheduler();

        // A collection node run by an executor gathers its items from the values alone.
        Assert.Equal(new[] { 2, 3 }, Delayed.All(new[] { Arithmetic.IncrementDelayed(1), Arithmetic.IncrementDelayed(2) }).Compute(new ComputeOptions { Scheduler = handed }));
        Assert.Equal(new[] { 1, 2 }, all.Compute(new ComputeOptions { Scheduler = handed }));
    }
}

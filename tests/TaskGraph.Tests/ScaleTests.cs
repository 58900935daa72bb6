using System;
using Xunit;

namespace TaskGraph.Tests;

public sealed class ScaleTests
{
    [Theory]
    [ClassData(typeof(Schedulers))]
    public void MillionNodeChainComputesWithoutStackOverflow(ComputeScheduler scheduler)
    {
        Delayed<int> value = 0;
        int result = 0;
        var body = new Action(
            () =>
            {
                for (int i = 0; i < 1_000_000; i++)
                {
                    value = Arithmetic.IncrementDelayed(value);
                }

                result = value.Compute(new ComputeOptions { Scheduler = scheduler });
            });
        SmallStack.Run(body);

        Assert.Equal(1_000_000, result);
    }

    [Fact]
    public void MillionNodePureChainHasAKeyWithoutStackOverflow()
    {
        string? key = null;
        var body = new Action(
            () =>
            {
                Delayed<int> value = 1;
                for (int i = 0; i < 1_000_000; i++)
                {
                    value = Arithmetic.PureSquareDelayed(value);
                }

                key = value.Key;
            });
        SmallStack.Run(body);

        Assert.StartsWith("PureSquare-", key);
    }

    [Fact]
    public void WideFanInComputes()
    {
        var items = new Delayed<int>[100_000];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = Arithmetic.IncrementDelayed(1);
        }

        Assert.Equal(200_000L, Arithmetic.SumDelayed(Delayed.All(items)).Compute());
    }
}

using Xunit;

namespace TaskGraph.Tests;

public sealed class PureTests
{
    [Theory]
    [ClassData(typeof(Schedulers))]
    public void EqualPureCallsHaveEqualKeysAndRunOnce(ComputeScheduler scheduler)
    {
        var probe = new Probe();
        Delayed<int> first = probe.PureRunDelayed("p", 3);
        Delayed<int> second = probe.PureRunDelayed("p", 3);

        Assert.NotSame(first, second);
        Assert.Equal(first.Key, second.Key);
        Assert.Equal(8, Arithmetic.AddDelayed(first, second).Compute(new ComputeOptions { Scheduler = scheduler }));
        Assert.Equal(1, probe.Calls);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void DifferentConstantsAreDifferentCalls(ComputeScheduler scheduler)
    {
        var probe = new Probe();
        Delayed<int> three = probe.PureRunDelayed("p", 3);
        Delayed<int> four = probe.PureRunDelayed("p", 4);

        Assert.NotEqual(three.Key, four.Key);
        Assert.Equal(9, Arithmetic.AddDelayed(three, four).Compute(new ComputeOptions { Scheduler = scheduler }));
        Assert.Equal(2, probe.Calls);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void DifferentInstancesAreDifferentCalls(ComputeScheduler scheduler)
    {
        var left = new Probe();
        var right = new Probe();

        Assert.Equal(8, Arithmetic.AddDelayed(left.PureRunDelayed("p", 3), right.PureRunDelayed("p", 3)).Compute(new ComputeOptions { Scheduler = scheduler }));
        Assert.Equal((1, 1), (left.Calls, right.Calls));
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void TaskInputsCompareByIdentityAfterTheirOwnDedupe(ComputeScheduler scheduler)
    {
        var probe = new Probe();
        Delayed<int> shared = Arithmetic.IncrementDelayed(1);
        // Same impure input node: one call. Equal but separate impure inputs: two calls.
        Delayed<int> sameInput = Arithmetic.AddDelayed(probe.PureRunDelayed("s", shared), probe.PureRunDelayed("s", shared));
        Delayed<int> separateInputs = Arithmetic.AddDelayed(
            probe.PureRunDelayed("i", Arithmetic.IncrementDelayed(1)),
            probe.PureRunDelayed("i", Arithmetic.IncrementDelayed(1)));
        // Pure over pure: the inner calls merge, so the outer ones do too.
        Delayed<int> nested = Arithmetic.AddDelayed(
            probe.PureRunDelayed("outer", probe.PureRunDelayed("inner", 1)),
            probe.PureRunDelayed("outer", probe.PureRunDelayed("inner", 1)));

        var (a, b, c) = Delayed.Compute(sameInput, separateInputs, nested, new ComputeOptions { Scheduler = scheduler });

        Assert.Equal((6, 6, 6), (a, b, c));
        Assert.Equal(1, Count(probe, "s"));
        Assert.Equal(2, Count(probe, "i"));
        Assert.Equal(1, Count(probe, "inner"));
        Assert.Equal(1, Count(probe, "outer"));
    }

    [Fact]
    public void ImpureKeysAreNameAndSequence()
    {
        var probe = new Probe();
        Delayed<int> first = probe.RunDelayed("x", 1);
        Delayed<int> second = probe.RunDelayed("x", 1);

        Assert.Matches("^Run-[0-9]+$", first.Key);
        Assert.NotEqual(first.Key, second.Key);
        Assert.Equal(first.Key, first.Key);
        Assert.Matches("^Value-[0-9]+$", Delayed.Value(1).Key);
        Assert.Matches("^All-[0-9]+$", Delayed.All(new[] { first }).Key);
    }

    private static int Count(Probe probe, string name)
    {
        int count = 0;
        foreach (string started in probe.Started)
        {
            count += started == name ? 1 : 0;
        }

        return count;
    }
}

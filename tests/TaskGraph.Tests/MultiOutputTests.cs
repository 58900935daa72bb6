using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Tests;

public sealed class MultiOutputTests
{
    [Fact]
    public void TupleComputesShareNodes()
    {
        var probe = new Probe();
        Delayed<int> shared = probe.RunDelayed("shared", 1);

        var (two, three) = Delayed.Compute(Arithmetic.AddDelayed(shared, 0), Arithmetic.AddDelayed(shared, 1));
        var (a, b, c) = Delayed.Compute(shared, Arithmetic.IncrementDelayed(shared), Delayed.Value("x"));
        var (d, e, f, g) = Delayed.Compute(shared, shared, Arithmetic.IncrementDelayed(shared), Delayed.All(new[] { shared, shared }));

        Assert.Equal((2, 3), (two, three));
        Assert.Equal((2, 3, "x"), (a, b, c));
        Assert.Equal((2, 2, 3), (d, e, f));
        Assert.Equal(new[] { 2, 2 }, g);
        Assert.Equal(3, probe.Calls);
    }

    [Fact]
    public async Task AsyncTupleAndSequenceComputesShareNodes()
    {
        var probe = new Probe();
        Delayed<int> shared = probe.RunDelayed("shared", 1);

        var (x, y) = await Delayed.ComputeAsync(shared, Arithmetic.IncrementDelayed(shared));
        var (p, q, r) = await Delayed.ComputeAsync(shared, shared, Delayed.Value(7));
        var (s, t, u, v) = await Delayed.ComputeAsync(shared, Arithmetic.IncrementDelayed(shared), Delayed.Value(1), Delayed.Value("v"));
        int[] many = await Delayed.ComputeAsync(Enumerable.Range(0, 5).Select(i => Arithmetic.AddDelayed(shared, i)));

        Assert.Equal((2, 3), (x, y));
        Assert.Equal((2, 2, 7), (p, q, r));
        Assert.Equal((2, 3, 1, "v"), (s, t, u, v));
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, many);
        Assert.Equal(4, probe.Calls);
    }

    [Fact]
    public void EmptySequenceComputesToEmptyArray()
    {
        Assert.Empty(Delayed.Compute(Enumerable.Empty<Delayed<int>>()));
    }

    [Fact]
    public void NullTargetIsRejectedByPosition()
    {
        var error = Assert.Throws<System.ArgumentException>(() => Delayed.Compute(new Delayed<int>[] { 1, null! }));

        Assert.Contains("Target 1", error.Message, System.StringComparison.Ordinal);
    }
}

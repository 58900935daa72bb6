using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Tests;

public sealed class GraphValueTests
{
    [Theory]
    [ClassData(typeof(Schedulers))]
    public void WideGraphSumsEveryTask(ComputeScheduler scheduler)
    {
        List<Delayed<int>> items = Enumerable.Range(0, 1000).Select(i => Arithmetic.IncrementDelayed(i)).ToList();

        long sum = Arithmetic.SumDelayed(Delayed.All(items)).Compute(new ComputeOptions { Scheduler = scheduler });

        Assert.Equal(Enumerable.Range(1, 1000).Sum(), sum);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public async Task ReductionTreeAddsAllLeaves(ComputeScheduler scheduler)
    {
        List<Delayed<int>> level = Enumerable.Range(0, 1023).Select(i => Arithmetic.IncrementDelayed(i)).ToList();
        while (level.Count > 1)
        {
            var next = new List<Delayed<int>>();
            for (int i = 0; i < level.Count; i += 2)
            {
                next.Add(i + 1 < level.Count ? Arithmetic.AddDelayed(level[i], level[i + 1]) : level[i]);
            }

            level = next;
        }

        int total = await level[0].ComputeAsync(new ComputeOptions { Scheduler = scheduler });

        Assert.Equal(Enumerable.Range(1, 1023).Sum(), total);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void ChainAppliesEveryStep(ComputeScheduler scheduler)
    {
        Delayed<int> value = 5;
        for (int i = 0; i < 10_000; i++)
        {
            value = Arithmetic.IncrementDelayed(value);
        }

        Assert.Equal(10_005, value.Compute(new ComputeOptions { Scheduler = scheduler }));
    }

    [Fact]
    public void ConstantComputesToItsValue()
    {
        Delayed<string> constant = Delayed.Value("seed");

        Assert.Equal("seed", constant.Compute());
    }

    [Fact]
    public void NullHandleReadsAsDefault()
    {
        Delayed<int> missing = null!;
        var probe = new Probe((name, input, _) => name is null ? input + 100 : -1);

        Assert.Equal(107, probe.RunDelayed(null!, Arithmetic.AddDelayed(missing, 7)).Compute());
    }

    [Fact]
    public void CollectionShapesHoldValuesInOrder()
    {
        Delayed<int>[] items = { Arithmetic.IncrementDelayed(1), 10, Arithmetic.IncrementDelayed(3) };

        var (array, list, readOnlyList, sequence) = Delayed.Compute(
            Infrastructure.DelayedCollections.ToArray(items),
            Infrastructure.DelayedCollections.ToList(items),
            Infrastructure.DelayedCollections.ToReadOnlyList(items),
            Infrastructure.DelayedCollections.ToEnumerable(items));
        IReadOnlyCollection<int> collection = Infrastructure.DelayedCollections.ToReadOnlyCollection(items).Compute();

        int[] expected = { 2, 10, 4 };
        Assert.Equal(expected, array);
        Assert.Equal(expected, list);
        Assert.Equal(expected, readOnlyList);
        Assert.Equal(expected, sequence);
        Assert.Equal(expected, collection);
    }
}

using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using TaskGraph.Scheduling;
using Xunit;

namespace TaskGraph.Tests;

/// <summary>
/// Back-pressure on sources: when consumers are releasing source results more slowly than sources are
/// produced (a running fold), workers stop starting sources past a bound of a few per worker; when nothing
/// is consumed until the end (a fan-in), every worker keeps going.
/// </summary>
public sealed class BackPressureTests
{
    private const int Workers = 2;

    /// <summary>The runtime's bound (four held source results per worker), plus one source in flight per worker, plus the fold's first leaf.</summary>
    private const int MostHeldLeaves = (BackPressure.HeldSourcesPerWorker * Workers) + Workers + 1;

    private static readonly DelayedMethod Produce = TestMethods.Describe("Produce", 1);
    private static readonly DelayedMethod Combine = TestMethods.Describe("Combine", 2);
    private static readonly DelayedMethod Consume = TestMethods.Describe("Consume", 1);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static TheoryData<ComputeScheduler, bool> SchedulersAndSlowSecondLeaf()
    {
        var data = new TheoryData<ComputeScheduler, bool>();
        // The executor outside the assembly runs every task handed to it at once, as many at a time as it is
        // given: only the core's back-pressure keeps its leaves from running ahead of the combines.
        foreach (ComputeScheduler scheduler in Schedulers.All())
        {
            data.Add(scheduler, false);
            data.Add(scheduler, true);
        }

        return data;
    }

    /// <summary>The schedulers that run two sources at once (a barrier of two needs both): not the synchronous one.</summary>
    public static TheoryData<ComputeScheduler> ParallelSchedulers()
    {
        var data = new TheoryData<ComputeScheduler>();
        foreach (ComputeScheduler scheduler in Concurrent())
        {
            data.Add(scheduler);
        }

        return data;
    }

    public static TheoryData<ComputeScheduler, bool> ParallelSchedulersAndSummed()
    {
        var data = new TheoryData<ComputeScheduler, bool>();
        foreach (ComputeScheduler scheduler in Concurrent())
        {
            data.Add(scheduler, false);
            data.Add(scheduler, true);
        }

        return data;
    }

    /// <summary>
    /// The fold's leaves are quick, its combines slow; with <paramref name="secondLeafSlow"/> the first
    /// combine cannot even start for a while (its second leaf is still running), and the other leaves
    /// must wait all the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(SchedulersAndSlowSecondLeaf))]
    public void RunningFoldHoldsAFewLeavesPerWorkerNotAll(ComputeScheduler scheduler, bool secondLeafSlow)
    {
        const int Leaves = 200;
        Delayed<int> total = Leaf(0);
        for (int i = 1; i < Leaves; i++)
        {
            // A combine takes far longer than a leaf: without back-pressure the leaves run ahead of the chain.
            total = DelayedCall.Create(Combine, static (args, _) =>
            {
                Thread.Sleep(1);
                return args.Get<int>(0) + args.Get<int>(1);
            }, total, i == 1 && secondLeafSlow ? SlowLeaf(i) : Leaf(i));
        }

        var held = new HeldLeaves();

        int sum = total.Compute(new ComputeOptions { Scheduler = scheduler, MaxDegreeOfParallelism = Workers, Observers = new[] { held } });

        Assert.Equal(Enumerable.Range(0, Leaves).Sum(), sum);
        Assert.InRange(held.Most, 1, MostHeldLeaves);
    }

    /// <summary>
    /// Pairs of leaves far apart in the sources' order: the first fifty leaves are planned first (a
    /// collection of them is a target), leaf i pairs with leaf i + 50, so no pair can be consumed until more
    /// than the bound of leaves are held. Whatever runs must go on past it, also when the only thing
    /// running is an attempt handed to the executor (its report wakes a worker that stood down).
    /// </summary>
    [Theory]
    [ClassData(typeof(Schedulers))]
    public async Task PairsFarApartFinishPastTheBound(ComputeScheduler scheduler)
    {
        const int Pairs = 50;
        Delayed<int>[] leaves = Enumerable.Range(0, 2 * Pairs).Select(Leaf).ToArray();
        Delayed<int[]> firsts = Delayed.All(leaves.Take(Pairs));
        Delayed<int[]> pairs = Delayed.All(Enumerable.Range(0, Pairs)
            .Select(i => DelayedCall.Create(Combine, static (args, _) => args.Get<int>(0) + args.Get<int>(1), leaves[i], leaves[i + Pairs])));

        (int[] first, int[] sums) = await Delayed.ComputeAsync(firsts, pairs, new ComputeOptions { Scheduler = scheduler, MaxDegreeOfParallelism = Workers }).WaitAsync(HangGuard);

        Assert.Equal(Enumerable.Range(0, Pairs), first);
        Assert.Equal(Enumerable.Range(0, Pairs).Select(i => (2 * i) + Pairs), sums);
    }

    /// <summary>
    /// Ten leaves are consumed at once (their results are released: consumers are at work), forty feed
    /// one collection that runs at the end (too wide for holding back to help it). The last ten meet in
    /// pairs at a barrier: each pair needs both workers (or two attempts handed to the executor) running
    /// sources at the same time, long after far more than the bound of results are held.
    /// </summary>
    [Theory]
    [MemberData(nameof(ParallelSchedulers))]
    public void FanInKeepsEveryWorkerBusyPastTheBound(ComputeScheduler scheduler)
    {
        using var pairs = new Barrier(Workers);
        int missedPartners = 0;
        Delayed<int>[] consumed = Enumerable.Range(0, 10)
            .Select(i => DelayedCall.Create(Consume, static (args, _) => args.Get<int>(0), Leaf(i)))
            .ToArray();
        Delayed<int>[] fannedIn = Enumerable.Range(10, 40)
            .Select(i => i < 40 ? Leaf(i) : DelayedCall.Create(Produce, (args, _) =>
            {
                if (!pairs.SignalAndWait(HangGuard))
                {
                    Interlocked.Increment(ref missedPartners);
                }

                return args.Get<int>(0);
            }, Delayed.Value(i)))
            .ToArray();
        Delayed<int> total = DelayedCall.Create(Combine, static (args, _) => args.Get<int[]>(0).Sum() + args.Get<int[]>(1).Sum(), Delayed.All(consumed), Delayed.All(fannedIn));

        int sum = total.Compute(new ComputeOptions { Scheduler = scheduler, MaxDegreeOfParallelism = Workers });

        Assert.Equal(Enumerable.Range(0, 50).Sum(), sum);
        Assert.Equal(0, missedPartners);
    }

    /// <summary>
    /// Twelve sources and no consumer but the final sum (as a stage of independent chunks is computed):
    /// every source meets another at a barrier, so each pair needs both workers, up to the last pair,
    /// far past the bound of held results.
    /// </summary>
    [Theory]
    [MemberData(nameof(ParallelSchedulersAndSummed))]
    public void SourcesWithoutConsumersNeverHoldBack(ComputeScheduler scheduler, bool summed)
    {
        using var pairs = new Barrier(Workers);
        int missedPartners = 0;
        Delayed<int>[] sources = Enumerable.Range(0, 12)
            .Select(i => DelayedCall.Create(Produce, (args, _) =>
            {
                if (!pairs.SignalAndWait(HangGuard))
                {
                    Interlocked.Increment(ref missedPartners);
                }

                return args.Get<int>(0);
            }, Delayed.Value(i)))
            .ToArray();
        var options = new ComputeOptions { Scheduler = scheduler, MaxDegreeOfParallelism = Workers };

        int sum = summed
            ? DelayedCall.Create(Consume, static (args, _) => args.Get<int[]>(0).Sum(), Delayed.All(sources)).Compute(options)
            : Delayed.Compute(sources, options).Sum();

        Assert.Equal(Enumerable.Range(0, 12).Sum(), sum);
        Assert.Equal(0, missedPartners);
    }

    private static ComputeScheduler[] Concurrent() => Schedulers.All().Where(scheduler => scheduler != ComputeScheduler.Synchronous).ToArray();

    private static Delayed<int> Leaf(int value) => DelayedCall.Create(Produce, static (args, _) => args.Get<int>(0), Delayed.Value(value));

    private static Delayed<int> SlowLeaf(int value) => DelayedCall.Create(Produce, static (args, _) =>
    {
        Thread.Sleep(50);
        return args.Get<int>(0);
    }, Delayed.Value(value));

    /// <summary>Leaves finished whose combine has not started yet, at most, over the compute.</summary>
    private sealed class HeldLeaves : IComputeObserver
    {
        private readonly object gate = new();
        private int held;

        public int Most { get; private set; }

        public void OnTaskCompleted(ComputeInfo compute, DelayedNode task)
        {
            if (task.Method == Produce)
            {
                lock (gate)
                {
                    Most = Math.Max(Most, ++held);
                }
            }
        }

        public void OnTaskStarted(ComputeInfo compute, DelayedNode task)
        {
            if (task.Method == Combine)
            {
                lock (gate)
                {
                    held--;
                }
            }
        }
    }
}

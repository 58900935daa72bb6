using System;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Tests;

/// <summary>
/// Results live in the compute's task array, not in an object per task: small structs as bits, references
/// as they are, other structs boxed. Every kind comes back equal, passed on as an argument, collected and
/// returned as a target, from synchronous and awaited methods alike. Runs alone, for the allocation count.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class TaskResultTests
{
    private static readonly DelayedMethod Pass = TestMethods.Describe("Pass", 1);
    private static readonly DelayedMethod PassLater = TestMethods.Describe("PassLater", 1, resultKind: DelayedResultKind.TaskOfResult);

    private enum Shade : byte
    {
        Light = 3,
        Dark = 250,
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public async Task EveryKindOfResultComesBackEqual(ComputeScheduler scheduler)
    {
        var options = new ComputeOptions { Scheduler = scheduler };
        await RoundTrips(int.MinValue, options);
        await RoundTrips(long.MaxValue, options);
        await RoundTrips(-0.1, options);
        await RoundTrips(true, options);
        await RoundTrips((byte)201, options);
        await RoundTrips('é', options);
        await RoundTrips(Shade.Dark, options);
        await RoundTrips(new DateTime(2026, 11, 21, 10, 30, 0, DateTimeKind.Utc), options);
        await RoundTrips<int?>(42, options);
        await RoundTrips<int?>(null, options);
        await RoundTrips(79_228_162_514_264_337_593_543_950_335m, options);
        await RoundTrips(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), options);
        await RoundTrips((17, "seventeen"), options);
        await RoundTrips("text", options);
        await RoundTrips<string?>(null, options);
        await RoundTrips(new Version(1, 2, 3), options);
    }

    /// <summary>Bits are never reinterpreted: a result read as another type of the same size fails the reading task clearly.</summary>
    [Fact]
    public void ResultReadAsAnotherTypeOfTheSameSizeFailsTheReader()
    {
        AssertMisread<int, float>(7);
        AssertMisread<long, double>(7);
        AssertMisread<decimal, Guid>(7m);
        AssertMisread<string, Version>("7");
    }

    /// <summary>
    /// A chain of int tasks on the parallel scheduler runs on the calling thread, so the thread's
    /// allocation counter sees the whole compute: a long chain allocates no more than a short one.
    /// </summary>
    [Fact]
    public void TasksOfSmallResultsAllocateNothingPerTask()
    {
        const int Short = 1_000;
        const int Long = 5_000;
        Delayed<int> shortChain = Chain(Short);
        Delayed<int> longChain = Chain(Long);
        long least = long.MaxValue;
        for (int run = 0; run < 5; run++)
        {
            least = Math.Min(least, Allocated(longChain, Long) - Allocated(shortChain, Short));
        }

        // An object per task would be at least 24 bytes each.
        Assert.InRange((double)least / (Long - Short), 0, 1);
    }

    private static async Task RoundTrips<T>(T value, ComputeOptions options)
    {
        Delayed<T> first = Passed(Delayed.Value(value));
        Delayed<T> second = Passed(first);
        Delayed<T> awaited = PassedLater(second);
        Delayed<T[]> collected = Delayed.All(new[] { first, awaited, Passed(awaited) });

        (T target, T[] items, T afterAwait) = await Delayed.ComputeAsync(second, collected, Passed(awaited), options);

        Assert.Equal(value, target);
        Assert.Equal(new[] { value, value, value }, items);
        Assert.Equal(value, afterAwait);
        Assert.Equal(value, Passed(Passed(Delayed.Value(value))).Compute(options));
    }

    private static void AssertMisread<TStored, TRead>(TStored value)
    {
        Delayed<TRead> misread = DelayedCall.Create(Pass, static (args, _) => args.Get<TRead>(0), Passed(Delayed.Value(value)));

        var error = Assert.Throws<DelayedTaskException>(() => misread.Compute());

        Assert.Equal(misread.Key, error.TaskKey);
        Assert.Contains(typeof(TRead).Name, Assert.IsType<InvalidCastException>(error.InnerException).Message, StringComparison.Ordinal);
    }

    private static Delayed<T> Passed<T>(Delayed<T> input)
        => DelayedCall.Create(Pass, static (args, _) => args.Get<T>(0), input);

    private static Delayed<T> PassedLater<T>(Delayed<T> input)
        => DelayedCall.CreateAsync(PassLater, static async (args, _) =>
        {
            T value = args.Get<T>(0);
            await Task.Yield();
            return value;
        }, input);

    private static Delayed<int> Chain(int length)
    {
        Delayed<int> value = 0;
        for (int i = 0; i < length; i++)
        {
            value = DelayedCall.Create(Pass, static (args, _) => args.Get<int>(0) + 1, value);
        }

        return value;
    }

    private static long Allocated(Delayed<int> chain, int expected)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        int value = chain.Compute();
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(expected, value);
        return after - before;
    }
}

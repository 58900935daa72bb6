using System;
using System.Linq;
using TaskGraph.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// Retries cost nothing until a task fails: a compute of tasks with a retry budget that never fail
/// allocates, per task, exactly what a compute of plain tasks does. Measured on the synchronous scheduler,
/// which runs everything on the calling thread, so <see cref="GC.GetAllocatedBytesForCurrentThread"/> sees it all.
/// Runs alone: other tests' computes drain the shared array pools, and a missed rent allocates.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class RetryHotPathAllocationTests
{
    private const int Short = 1_000;
    private const int Long = 3_000;

    private static readonly DelayedMethod Plain = Describe("Plain", retries: 0);
    private static readonly DelayedMethod WithRetries = Describe("WithRetries", retries: 3);

    private readonly ITestOutputHelper output;

    public RetryHotPathAllocationTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void TasksWithAnUnusedRetryBudgetAllocateNoMorePerTaskThanPlainOnes()
    {
        var options = new ComputeOptions { Scheduler = ComputeScheduler.Synchronous };
        double plain = BytesPerTask(Plain, options);
        double withMethodRetries = BytesPerTask(WithRetries, options);
        double withComputeRetries = BytesPerTask(Plain, options with { Retries = 2 });

        output.WriteLine($"Bytes allocated per task while computing (synchronous scheduler): plain {plain:0.#}, [Delayed(Retries = 3)] {withMethodRetries:0.#}, ComputeOptions.Retries = 2 {withComputeRetries:0.#}.");
        Assert.Equal(plain, withMethodRetries);
        Assert.Equal(plain, withComputeRetries);
    }

    /// <summary>The compute's allocation per task, from the difference between a long and a short chain (the compute's fixed cost cancels out); the least of a few runs.</summary>
    private static double BytesPerTask(DelayedMethod method, ComputeOptions options)
    {
        Delayed<int> shortChain = Chain(method, Short);
        Delayed<int> longChain = Chain(method, Long);
        long least = long.MaxValue;
        for (int run = 0; run < 5; run++)
        {
            least = Math.Min(least, Allocated(longChain, options) - Allocated(shortChain, options));
        }

        return (double)least / (Long - Short);
    }

    private static long Allocated(Delayed<int> target, ComputeOptions options)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        int value = target.Compute(options);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(value > 0);
        return after - before;
    }

    private static Delayed<int> Chain(DelayedMethod method, int length)
    {
        Delayed<int> value = 0;
        for (int i = 0; i < length; i++)
        {
            value = DelayedCall.Create(method, static (args, _) => args.Get<int>(0) + 1, value);
        }

        return value;
    }

    private static DelayedMethod Describe(string name, int retries)
        => new($"M:TaskGraph.Tests.Reliability.{name}(System.Int32)", name, "TaskGraph.Tests.Reliability")
        {
            ParameterNames = new[] { "value" },
            Retries = retries,
        };
}

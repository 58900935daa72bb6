using TaskGraph.Tests.Execution;
using Xunit;

namespace TaskGraph.Tests;

/// <summary>
/// Theory data: every test marked with it runs under each executor of the one core: the parallel
/// scheduler, the synchronous one, and an executor outside the runtime assembly (<see cref="PoolExecutorScheduler"/>).
/// </summary>
public sealed class Schedulers : TheoryData<ComputeScheduler>
{
    public Schedulers()
    {
        foreach (ComputeScheduler scheduler in All())
        {
            Add(scheduler);
        }
    }

    /// <summary>The schedulers, for theory data that combines them with other values.</summary>
    public static ComputeScheduler[] All() => new[] { ComputeScheduler.Parallel, ComputeScheduler.Synchronous, new PoolExecutorScheduler() };
}

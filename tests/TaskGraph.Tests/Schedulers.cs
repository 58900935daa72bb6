using Xunit;

namespace TaskGraph.Tests;

/// <summary>Theory data: every test marked with it runs under both schedulers.</summary>
public sealed class Schedulers : TheoryData<ComputeScheduler>
{
    public Schedulers()
    {
        Add(ComputeScheduler.Parallel);
        Add(ComputeScheduler.Synchronous);
    }
}

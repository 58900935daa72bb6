using System;
using CustomEtl;
using TaskGraph;

namespace SeedGraph;

/// <summary>One way of writing the seed's tasks, and the sample's graph builder over its wrappers.</summary>
/// <param name="Name">How the report names it.</param>
/// <param name="Build">Builds the sample's graph (<see cref="EtlGraph.Build{TTasks}"/>) from these tasks.</param>
internal sealed record SeedVariant(string Name, Func<EtlExample, int, double, Delayed<double>> Build)
{
    /// <summary>The sample's own async tasks (<see cref="EtlTasks"/>): each awaits <c>Task.Delay</c>, holding no thread.</summary>
    public static SeedVariant Async { get; } = new("async", EtlGraph.Build<EtlTasks>);

    /// <summary><see cref="BlockingTasks"/>: they sleep on threads of their own, outside the compute's CPU-sized pool.</summary>
    public static SeedVariant Marked { get; } = new("blocking, Blocking = true", EtlGraph.Build<BlockingTasks>);

    /// <summary><see cref="UnmarkedBlockingTasks"/>: they sleep on the compute's CPU-sized pool, at most MaxDegreeOfParallelism at a time.</summary>
    public static SeedVariant Unmarked { get; } = new("blocking, unmarked", EtlGraph.Build<UnmarkedBlockingTasks>);
}

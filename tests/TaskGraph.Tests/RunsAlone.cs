using Xunit;

namespace TaskGraph.Tests;

/// <summary>
/// Tests that read process-wide figures (pooled arrays outstanding, bytes allocated) run in this
/// collection: alone, after the parallel ones, so other tests' computes cannot move the figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}

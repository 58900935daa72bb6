namespace TaskGraph;

/// <summary>Which scheduler runs a compute.</summary>
public enum ComputeScheduler
{
    /// <summary>Runs every task whose inputs are done at once, up to <see cref="ComputeOptions.MaxDegreeOfParallelism"/> CPU tasks; blocking tasks run outside that pool. The default.</summary>
    Parallel,

    /// <summary>Runs one task at a time on the calling thread in a deterministic order (dependencies first, then the order the graph was built): for debugging and tests.</summary>
    Synchronous,
}

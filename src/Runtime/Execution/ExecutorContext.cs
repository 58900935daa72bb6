using System.Threading;

namespace TaskGraph.Execution;

/// <summary>What an <see cref="ITaskExecutor"/> may want to know about the compute it runs tasks for.</summary>
public sealed class ExecutorContext
{
    internal ExecutorContext(int taskCount, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        TaskCount = taskCount;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
        CancellationToken = cancellationToken;
    }

    /// <summary>The number of tasks of the compute (constants are not tasks; shared and deduplicated nodes count once).</summary>
    public int TaskCount { get; }

    /// <summary>The compute's <see cref="ComputeOptions.MaxDegreeOfParallelism"/>.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>The compute's token: cancelled when the compute stops (a failure, the caller's cancellation, a throwing observer).</summary>
    public CancellationToken CancellationToken { get; }
}

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

    /// <summary>
    /// The compute's <see cref="ComputeOptions.MaxDegreeOfParallelism"/>, for the executor to honour: the core hands
    /// over every task as soon as it is ready (its workers only dispatch), so how many attempts run at once is
    /// the executor's to decide. An executor on the local machine should run at most this many at once.
    /// </summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>The compute's token: cancelled when the compute stops (a failure, the caller's cancellation, a throwing observer).</summary>
    public CancellationToken CancellationToken { get; }
}

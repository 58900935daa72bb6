using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Scheduling;

namespace TaskGraph.Execution;

/// <summary>
/// A scheduler whose tasks run on an executor of its own (another process, a queue, a cluster). The core
/// still counts dependencies, releases results after their last consumer, retries, times out, cancels and
/// tells observers and progress; the executor only runs the <see cref="ReadyTask"/>s it is handed and
/// reports each back.
/// </summary>
public abstract class TaskExecutorScheduler : ComputeScheduler
{
    /// <summary>Creates the scheduler.</summary>
    protected TaskExecutorScheduler()
    {
    }

    /// <summary>
    /// The executor of one compute, created when the compute starts. The core disposes it (awaited) once
    /// the compute finished and no task of it runs, before the compute returns or throws.
    /// </summary>
    /// <param name="context">What the executor may want to know about the compute.</param>
    protected internal abstract ITaskExecutor CreateExecutor(ExecutorContext context);

    internal sealed override ValueTask<TargetResults> StartCompute(DelayedNode[] targets, ComputeOptions options, bool callerWaits, CancellationToken cancellationToken)
        => Computation.Start(targets, options, new ComputeExecution(onCallerThread: false, this), callerWaits, cancellationToken);
}

using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Execution;
using TaskGraph.Scheduling;

namespace TaskGraph;

/// <summary>
/// Which scheduler runs a compute: <see cref="Parallel"/> (the default), <see cref="Synchronous"/>, a
/// <see cref="TaskExecutorScheduler"/> that hands ready tasks to an executor of its own, or the
/// scale-out scheduler. Every one of them keeps the same bookkeeping (dependency counting, release after
/// the last consumer, retries, timeouts, cancellation, observers and progress).
/// </summary>
public abstract class ComputeScheduler
{
    // The kinds are the built-in ones, TaskExecutorScheduler and the scale-out scheduler.
    private protected ComputeScheduler()
    {
    }

    /// <summary>Runs every task whose inputs are done at once, up to <see cref="ComputeOptions.MaxDegreeOfParallelism"/> CPU tasks; blocking tasks run outside that pool. The default.</summary>
    public static ComputeScheduler Parallel { get; } = new LocalScheduler(onCallerThread: false);

    /// <summary>
    /// Runs one task at a time on the calling thread of a blocking compute, in an order that is the same on
    /// every run (a task's successor next, as the parallel scheduler's single worker would): for debugging and tests.
    /// </summary>
    public static ComputeScheduler Synchronous { get; } = new LocalScheduler(onCallerThread: true);

    /// <summary>
    /// Starts a compute of <paramref name="targets"/> and returns their results once no task of it runs.
    /// <paramref name="callerWaits"/>: the caller blocks until then, so the scheduler may work on its thread
    /// and complete synchronously. Every compute entry point goes through here.
    /// </summary>
    internal abstract ValueTask<TargetResults> StartCompute(DelayedNode[] targets, ComputeOptions options, bool callerWaits, CancellationToken cancellationToken);

    /// <summary>The built-in schedulers: the core's own workers on the thread pool, or on the calling thread only.</summary>
    private sealed class LocalScheduler : ComputeScheduler
    {
        private readonly bool onCallerThread;

        internal LocalScheduler(bool onCallerThread) => this.onCallerThread = onCallerThread;

        internal override ValueTask<TargetResults> StartCompute(DelayedNode[] targets, ComputeOptions options, bool callerWaits, CancellationToken cancellationToken)
            => Computation.Start(targets, options, new ComputeExecution(onCallerThread, null), callerWaits, cancellationToken);

        public override string ToString() => onCallerThread ? nameof(Synchronous) : nameof(Parallel);
    }
}

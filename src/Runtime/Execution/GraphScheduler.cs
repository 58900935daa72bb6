using System;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Scheduling;

namespace TaskGraph.Execution;

/// <summary>
/// A scheduler that runs a whole compute elsewhere (a cluster): the graph is exported once (method ids,
/// constant values, edges, targets; <see cref="GraphExport"/>), handed to <see cref="RunGraphAsync"/> in one
/// submission, and the compute's observers and progress are raised here from the events the implementation
/// reports through <see cref="GraphEvents"/>. A task that cannot run elsewhere fails the compute before any task runs.
/// </summary>
public abstract class GraphScheduler : ComputeScheduler
{
    private static long lastId = long.MinValue / 2;

    /// <summary>Creates the scheduler.</summary>
    protected GraphScheduler()
    {
    }

    /// <summary>
    /// Runs <paramref name="graph"/> and returns its targets' values in <see cref="ExportedGraph.Targets"/> order.
    /// Fails with <see cref="DelayedTaskException"/> naming the task that failed, or <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> (the caller's, or stopped by a failing observer) is cancelled.
    /// </summary>
    /// <param name="graph">The exported graph.</param>
    /// <param name="events">Where to report task events (observers and progress on the caller's side).</param>
    /// <param name="options">The compute's options (retries, retry delay and timeout apply elsewhere as here).</param>
    /// <param name="cancellationToken">Cancelled when the compute must stop.</param>
    protected abstract Task<object?[]> RunGraphAsync(ExportedGraph graph, GraphEvents events, ComputeOptions options, CancellationToken cancellationToken);

    internal sealed override async ValueTask<TargetResults> StartCompute(DelayedNode[] targets, ComputeOptions options, bool callerWaits, CancellationToken cancellationToken)
    {
        if (options.ResultStore is not null)
        {
            throw new NotSupportedException($"{GetType().Name} runs the graph elsewhere and cannot resume it from ComputeOptions.ResultStore: use a local scheduler for resumable computes (docs/resume.md).");
        }

        var graph = GraphExport.Export(targets);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? callbackFailure = null;
        var notifier = ComputeNotifier.IsWanted(options)
            ? new ComputeNotifier(
                failure =>
                {
                    Interlocked.CompareExchange(ref callbackFailure, failure, null);
                    stop.Cancel();
                },
                new ComputeInfo(Interlocked.Increment(ref lastId), Array.AsReadOnly(targets), graph.Tasks.Count, MethodCounts.Of(graph.Tasks)),
                options)
            : null;
        notifier?.ComputeStarted();
        object?[] values;
        try
        {
            values = await RunGraphAsync(graph, new GraphEvents(graph, notifier), options, stop.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A failing observer stopped the compute: it ends with that failure, as on one machine.
            var callback = Volatile.Read(ref callbackFailure);
            notifier?.ComputeFinished(callback is null && exception is OperationCanceledException ? ComputeStatus.Canceled : ComputeStatus.Failed, callback ?? exception);
            if (callback is null)
            {
                throw;
            }

            throw callback;
        }

        if ((Volatile.Read(ref callbackFailure) ?? notifier?.ComputeFinished(ComputeStatus.Succeeded, null)) is { } failure)
        {
            throw failure;
        }

        return new TargetValues(targets, values);
    }
}

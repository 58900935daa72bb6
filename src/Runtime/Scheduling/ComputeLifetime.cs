/*
 * The lifetime of one compute: how it starts on the caller's side, who is inside it, how it stops and
 * finishes, and who owns the pooled arrays. A base of Computation rather than a field of it, so that its
 * state is its own (private to this class) while the checks the loop makes per task (IsStopped, the
 * token) cost no extra indirection.
 *
 * Invariants:
 *  - Stopping. The first failure (or the caller's cancellation, or a throwing observer or executor) sets
 *    stopReason (first one wins) and cancels the token the tasks see. Each task start checks stopReason
 *    first, so nothing new starts afterwards.
 *  - `inside` counts who may still start or finish a task: each worker, blocking thread, pending await
 *    and handed-over attempt (counted before it is handed over), and the thread starting the compute.
 *    Once stopped, the compute finishes when `inside` reaches 0: no task of it is running.
 *  - Finishing happens once (the `finished` flag): observers hear OnComputeFinished, then `completion`
 *    is completed; the executor of handed-over tasks is disposed (awaited) before the caller returns or throws.
 *  - Returning the arrays. Two holders keep them: the running compute (until `inside` reaches 0 after
 *    finishing: no worker, await or blocking thread can read them any more) and the caller (until it has
 *    read the results). The last of the two to let go returns them to the pools, whatever the outcome.
 */
using System;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Execution;

namespace TaskGraph.Scheduling;

/// <summary>The compute's lifetime: starting on the caller's side, entering and leaving, stopping, finishing, giving the arrays back.</summary>
internal abstract class ComputeLifetime : TargetResults
{
    private static readonly object CanceledReason = new();
    private readonly CancellationToken callerToken;
    private readonly CancellationTokenSource cancellation;
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int inside;
    private int finished;
    private int arrayHolders = 2;
    private int quiet;
    private object? stopReason;
    private CancellationTokenRegistration cancellationRegistration;

    private protected ComputeLifetime(CancellationToken callerToken)
    {
        this.callerToken = callerToken;
        cancellation = callerToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(callerToken)
            : new CancellationTokenSource();
        TaskToken = cancellation.Token;
    }

    /// <summary>The token every task sees: cancelled by the caller or when the compute stops.</summary>
    private protected CancellationToken TaskToken { get; }

    private protected bool IsStopped => Volatile.Read(ref stopReason) is not null;

    /// <summary>No task is left unfinished.</summary>
    private protected abstract bool AllTasksFinished { get; }

    /// <summary>The caller has read the results.</summary>
    internal override void Release() => Dispose();

    /// <summary>Stops the compute because an observer, the progress callback or the task executor threw (see <see cref="ComputeNotifier"/>).</summary>
    internal void StopWith(Exception exception) => Stop(exception);

    /// <summary>Announces the compute to its observers; the caller has entered.</summary>
    private protected abstract void Announce();

    /// <summary>
    /// Starts the workers. <paramref name="callerWaits"/>: the calling thread works too, and the returned task is
    /// complete when it is done (the caller blocks, so nothing inside may yield).
    /// </summary>
    private protected abstract ValueTask StartWork(bool callerWaits);

    /// <summary>Tells observers how the compute ended; returns an observer's failure, if one threw.</summary>
    private protected abstract Exception? AnnounceFinished(ComputeStatus status, Exception? exception);

    /// <summary>Gives the pooled arrays back; called once, when neither the compute nor the caller reads them any more.</summary>
    private protected abstract void ReturnArrays();

    /// <summary>The compute has finished and no task of it runs: the executor of handed-over tasks may go.</summary>
    private protected abstract ValueTask DisposeExecutorAsync();

    /// <summary>Runs the compute with the calling thread working too; returns once no task of it runs.</summary>
    private protected TargetResults RunOnCaller()
    {
        try
        {
            Begin();
            ValueTask work = StartWork(callerWaits: true);
            work.GetAwaiter().GetResult();
            Exit();
            try
            {
                completion.Task.GetAwaiter().GetResult();
            }
            finally
            {
                ValueTask disposed = DisposeExecutorAsync();
                if (!disposed.IsCompletedSuccessfully)
                {
                    disposed.AsTask().GetAwaiter().GetResult();
                }
            }

            return this;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private protected async Task<TargetResults> RunAsync()
    {
        try
        {
            Begin();
            await StartWork(callerWaits: false).ConfigureAwait(false);
            Exit();
            try
            {
                await completion.Task.ConfigureAwait(false);
            }
            finally
            {
                await DisposeExecutorAsync().ConfigureAwait(false);
            }

            return this;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The compute could not start: nothing ran, so the arrays go back at once.</summary>
    private protected void Abandon()
    {
        cancellation.Dispose();
        ReturnArrays();
    }

    /// <summary>Enters for the starting thread, announces the compute, then lets cancellation in.</summary>
    private void Begin()
    {
        Enter();
        Announce();
        cancellationRegistration = TaskToken.UnsafeRegister(
            static state =>
            {
                var lifetime = (ComputeLifetime)state!;
                lifetime.Enter();
                lifetime.Stop(CanceledReason);
                lifetime.Exit();
            },
            this);
        if (AllTasksFinished)
        {
            Finish();
        }
    }

    /// <summary>A task failed for good: the compute stops with it, as cancelled when it is the caller's cancellation that surfaced.</summary>
    private protected void StopForFailedTask(DelayedNode node, Exception exception)
        => Stop(exception is OperationCanceledException && callerToken.IsCancellationRequested
            ? CanceledReason
            : new DelayedTaskException(node.Key, node.Method, exception));

    /// <summary>The first reason wins; running tasks see cancellation; nothing new starts.</summary>
    private void Stop(object reason)
    {
        if (Interlocked.CompareExchange(ref stopReason, reason, null) is not null)
        {
            return;
        }

        try
        {
            cancellation.Cancel();
        }
        catch (AggregateException)
        {
            // A task's cancellation callback threw; the task itself reports through its result.
        }
    }

    /// <summary>
    /// Also looks at the token itself: it wakes the token's waiters before it runs the callback that
    /// stops the compute, so a task that saw cancellation could otherwise finish and let its successor start.
    /// </summary>
    private protected bool IsStoppedOrCanceled()
    {
        if (IsStopped)
        {
            return true;
        }

        if (!TaskToken.IsCancellationRequested)
        {
            return false;
        }

        // Only the caller cancels the token before a stop reason is set.
        Stop(CanceledReason);
        return true;
    }

    private protected void Enter() => Interlocked.Increment(ref inside);

    private protected void Exit()
    {
        if (Interlocked.Decrement(ref inside) != 0)
        {
            return;
        }

        if (IsStopped)
        {
            Finish();
        }

        // Finished and nothing inside: no one can read the arrays any more (a late cancellation callback enters, but reads none).
        if (Volatile.Read(ref finished) != 0 && Interlocked.Exchange(ref quiet, 1) == 0)
        {
            ReleaseArrays();
        }
    }

    private void ReleaseArrays()
    {
        if (Interlocked.Decrement(ref arrayHolders) == 0)
        {
            ReturnArrays();
        }
    }

    /// <summary>Ends the compute once: every task finished, or it stopped and nothing is inside any more.</summary>
    private protected void Finish()
    {
        if (Interlocked.Exchange(ref finished, 1) != 0)
        {
            return;
        }

        // Cancellation that comes after every task finished changes nothing; a throwing observer still fails the compute.
        object? reason = Volatile.Read(ref stopReason);
        if (ReferenceEquals(reason, CanceledReason) && AllTasksFinished)
        {
            reason = null;
        }

        ComputeStatus status = reason switch
        {
            null => ComputeStatus.Succeeded,
            _ when ReferenceEquals(reason, CanceledReason) => ComputeStatus.Canceled,
            _ => ComputeStatus.Failed,
        };
        Exception? exception = status switch
        {
            ComputeStatus.Canceled => new OperationCanceledException(callerToken),
            ComputeStatus.Failed => (Exception)reason!,
            _ => null,
        };
        Exception? observerFailure = AnnounceFinished(status, exception);
        if (observerFailure is not null || status == ComputeStatus.Failed)
        {
            completion.TrySetException(observerFailure ?? exception!);
        }
        else if (status == ComputeStatus.Canceled)
        {
            completion.TrySetCanceled(callerToken);
        }
        else
        {
            completion.TrySetResult();
        }
    }

    /// <summary>The caller has read the results, or the compute could not start.</summary>
    private void Dispose()
    {
        cancellationRegistration.Dispose();
        cancellation.Dispose();
        ReleaseArrays();
    }
}

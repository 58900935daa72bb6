/*
 * The lifetime of one compute: how it starts on the caller's side, who is inside it, how it stops and
 * finishes, and who owns the pooled arrays.
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
internal sealed partial class Computation
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

    private bool IsStopped => Volatile.Read(ref stopReason) is not null;

    /// <summary>The caller has read the results.</summary>
    internal override void Release() => Dispose();

    /// <summary>Stops the compute because an observer, the progress callback or the task executor threw (see <see cref="ComputeNotifier"/>).</summary>
    internal void StopWith(Exception exception) => Stop(exception);

    private Computation RunOnCaller()
    {
        try
        {
            Enter();
            Begin();
            if (onCallerThread)
            {
                // Never yields: every wait inside is a blocking wait on this thread.
                WorkOnCaller(block: true).GetAwaiter().GetResult();
            }
            else
            {
                StartParallel(callerWorks: true);
            }

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

    private async Task<TargetResults> RunAsync()
    {
        try
        {
            Enter();
            Begin();
            if (onCallerThread)
            {
                await WorkOnCaller(block: false).ConfigureAwait(false);
            }
            else
            {
                StartParallel(callerWorks: false);
            }

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

    /// <summary>The compute has finished and no task of it runs: the executor of handed-over tasks may go.</summary>
    private ValueTask DisposeExecutorAsync() => handOver?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Announces the compute, then lets cancellation in. The caller has entered.</summary>
    private void Begin()
    {
        notifier?.ComputeStarted();
        if (notifier is not null && resumed is not null)
        {
            resumed.Reused.ForEach(notifier.TaskReused);
        }

        cancellationRegistration = taskToken.UnsafeRegister(
            static state =>
            {
                var computation = (Computation)state!;
                computation.Enter();
                computation.Stop(CanceledReason);
                computation.Exit();
            },
            this);
        if (taskCount == 0)
        {
            Finish();
        }
    }

    private void FailTask(DelayedNode node, Exception exception)
    {
        notifier?.TaskFailed(node, exception);
        if (IsStopped)
        {
            return;
        }

        Stop(exception is OperationCanceledException && callerToken.IsCancellationRequested
            ? CanceledReason
            : new DelayedTaskException(node.Key, node.Method, exception));
    }

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
    private bool IsStoppedOrCanceled()
    {
        if (IsStopped)
        {
            return true;
        }

        if (!taskToken.IsCancellationRequested)
        {
            return false;
        }

        // Only the caller cancels the token before a stop reason is set.
        Stop(CanceledReason);
        return true;
    }

    private void Enter() => Interlocked.Increment(ref inside);

    private void Exit()
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
            plan.Return();
            ready.Return();
        }
    }

    private void Finish()
    {
        if (Interlocked.Exchange(ref finished, 1) != 0)
        {
            return;
        }

        // Cancellation that comes after every task finished changes nothing; a throwing observer still fails the compute.
        object? reason = Volatile.Read(ref stopReason);
        if (ReferenceEquals(reason, CanceledReason) && Volatile.Read(ref pending) == 0)
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
        Exception? observerFailure = notifier?.ComputeFinished(status, exception);
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

/*
 * A task's attempts that end outside the worker's loop: awaits, retries and timeouts, blocking threads,
 * and attempts handed to an executor.
 *
 * Invariants:
 *  - Retries and timeouts (AttemptGuard, present only when the compute or a task asks for them). A task
 *    with either runs each attempt through StartGuardedAttempt: a timeout gives the attempt its own token,
 *    linked to the compute's and cancelled by a timer; the task's inputs are kept until it completes, so a
 *    retry reads the same arguments. A failed attempt with retries left is not a failure of the compute:
 *    observers hear OnTaskRetrying, and after the delay (a timer, holding no thread; a stop ends it) a
 *    blocking task goes to a blocking thread and a CPU task to the guard's retry queue, which workers take
 *    from before the ready queue (that queue holds each task once).
 *  - Whoever hands an attempt off the loop (an await, a blocking thread, a retry timer, an executor) has
 *    entered for it; the step that ends it leaves, after completing or failing the task.
 *  - On the calling thread only (the synchronous scheduler), an await or a retry delay parks the task
 *    (parkedSlot) instead: the caller waits for it itself (WorkOnCaller, here), so tasks run one at a time.
 *  - A handed-over task keeps its inputs until the executor reports (it reads them meanwhile); its result
 *    is stored untyped, as reported.
 */
using System;
using System.Threading;
using System.Threading.Tasks;

namespace TaskGraph.Scheduling;

/// <summary>Attempts that end outside the worker's loop: awaits, retries and timeouts, blocking threads, executors.</summary>
internal sealed partial class Computation
{
    /// <summary>On the calling thread only: the task whose await or retry delay the caller waits for next (-1: none).</summary>
    private int parkedSlot = -1;

    /// <summary>
    /// The synchronous scheduler: the caller is the only worker and keeps its slot throughout, so nothing ever
    /// starts a pool worker. When the loop stops at a parked task, the caller waits for its await or retry
    /// delay here, goes on with it, and loops again. The caller has entered.
    /// </summary>
    private async ValueTask WorkOnCaller(bool block)
    {
        slots.TryClaim();
        slots.BeginRunning();
        SemaphoreSlim? awaited = null;
        while (true)
        {
            RunReadyTasks();
            int slot = parkedSlot;
            if (slot < 0)
            {
                break;
            }

            parkedSlot = -1;
            if (tasks[slot].Result is AwaitedResult pending)
            {
                awaited ??= new SemaphoreSlim(0);
                pending.WhenDone(() => awaited.Release());
                if (block)
                {
                    awaited.Wait();
                }
                else
                {
                    await awaited.WaitAsync().ConfigureAwait(false);
                }

                FinishAwaitedTask(slot);
                continue;
            }

            // A retry's delay; a stop ends it early.
            TimeSpan delay = guard!.NextDelay(slot);
            if (block)
            {
                TaskToken.WaitHandle.WaitOne(delay);
            }
            else
            {
                await Task.Delay(delay, TaskToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (!IsStopped)
            {
                Retry(slot);
            }
        }

        slots.EndRunning();
        slots.Release();
    }

    /// <summary>The executor reported an attempt of the handed-over task in <paramref name="slot"/> (entered for it when it was handed over).</summary>
    internal void EndHandedOver(int slot, object? result, Exception? failure)
    {
        if (failure is null)
        {
            tasks[slot].Result = result;
        }

        AfterAttempt(slot, EndAttempt(slot, failure, releaseInputs: true));
        if (slots.EndRunning() && backPressure.TryWake())
        {
            // The last running attempt: a worker that stood down for it goes on (see WorkerSlots).
            StartWorker();
        }

        Exit();
    }

    /// <summary>Runs a blocking task on its dedicated thread (entered for it when it was scheduled).</summary>
    internal void RunBlockingTask(int slot)
    {
        int finishedHere = 0;
        var unreported = default(UnreportedInputs);
        // A fresh pace tells its first task: a blocking task is never counted.
        var pace = default(TaskPace);
        RunTask(slot, keepSuccessor: false, ref finishedHere, ref unreported, ref pace);
        Report(ref unreported, keepSuccessor: false, next: -1);
        ReportFinished(finishedHere);
        Exit();
    }

    /// <summary>
    /// Hands an attempt of the task in <paramref name="slot"/> to the executor (entered for until it reports;
    /// see <see cref="EndHandedOver"/>). Its inputs are kept until it completes: the executor reads them meanwhile.
    /// </summary>
    private TaskStep HandOver(int slot, DelayedNode node)
    {
        CancellationToken token = guard is not null && guard.Applies(node) ? guard.StartAttempt(slot, node, TaskToken) : TaskToken;
        Enter();

        // Running until reported: back-pressure may have workers stand down meanwhile (see WorkerSlots).
        slots.BeginRunning();
        handOver!.Execute(slot, node, token);
        return TaskStep.HandedOver;
    }

    /// <summary>
    /// Starts an attempt of a task with retries or a timeout. Its inputs are kept until it completes, so
    /// that another attempt reads the same arguments.
    /// </summary>
    private TaskStep StartGuardedAttempt(int slot)
    {
        DelayedNode node = tasks[slot].Node;
        CancellationToken token = guard!.StartAttempt(slot, node, TaskToken);
        bool completed;
        try
        {
            completed = node.Invoke(table, slot, token);
        }
        catch (Exception exception)
        {
            return EndGuardedAttempt(slot, exception);
        }

        return completed ? EndGuardedAttempt(slot, null) : TaskStep.Awaiting;
    }

    /// <summary>
    /// Ends an attempt of a task with retries or a timeout: completed; or failed with retries left (run
    /// again after the guard's delay, observers hear OnTaskRetrying); or failed for good, like any task.
    /// </summary>
    private TaskStep EndGuardedAttempt(int slot, Exception? failure)
    {
        DelayedNode node = tasks[slot].Node;
        failure = guard!.EndAttempt(slot, node, failure, TaskToken);
        if (failure is null)
        {
            ReleaseInputs(slot);
            return TaskStep.Completed;
        }

        // A stopping compute (a failure elsewhere, cancellation) retries nothing.
        if (!IsStopped && !TaskToken.IsCancellationRequested && guard.TryRetry(slot, node, out int attempt, out TimeSpan delay))
        {
            notifier?.TaskRetrying(node, failure, attempt, delay);
            return TaskStep.Retrying;
        }

        FailTask(node, failure);
        return TaskStep.Failed;
    }

    /// <summary>Hands a task to another attempt after its retry delay. The wait holds no thread, and a stop ends it at once.</summary>
    private void ScheduleRetry(int slot)
    {
        TimeSpan delay = guard!.NextDelay(slot);
        if (delay <= TimeSpan.Zero)
        {
            Retry(slot);
            return;
        }

        if (onCallerThread)
        {
            // The caller waits for the delay itself (see WorkOnCaller): one task at a time, the same order every run.
            parkedSlot = slot;
            return;
        }

        Enter();
        Task.Delay(delay, TaskToken).ContinueWith(
            static (_, state) =>
            {
                var (computation, retried) = ((Computation, int))state!;
                if (!computation.IsStopped)
                {
                    computation.Retry(retried);
                }

                computation.Exit();
            },
            (this, slot),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Queues another attempt: a blocking task to a blocking thread, a CPU task to the workers through the guard's queue (the ready array holds each task once).</summary>
    private void Retry(int slot)
    {
        if (separateBlocking && tasks[slot].Node.IsBlocking)
        {
            ScheduleBlocking(slot);
            return;
        }

        guard!.Retries.Enqueue(slot);
        StartWorker();
    }

    // Apart from RunTask: a lambda capturing a parameter allocates its closure on every call of the method that declares it.
    private void AwaitTask(int slot)
    {
        Enter();
        if (onCallerThread)
        {
            // The caller awaits it itself (see WorkOnCaller): one task at a time, the same order every run.
            parkedSlot = slot;
            return;
        }

        ((AwaitedResult)tasks[slot].Result!).WhenDone(() => FinishAwaitedTask(slot));
    }

    private void FinishAwaitedTask(int slot)
    {
        AfterAttempt(slot, CollectAwaitedResult(slot));
        Exit();
    }

    /// <summary>Goes on after an attempt that ended outside a worker's loop (an await, an executor's report).</summary>
    private void AfterAttempt(int slot, TaskStep step)
    {
        switch (step)
        {
            case TaskStep.Completed:
                CompleteAlone(slot);
                ReportFinished(1);
                break;
            case TaskStep.Retrying:
                ScheduleRetry(slot);
                break;
        }
    }

    private TaskStep CollectAwaitedResult(int slot)
    {
        Exception? failure = null;
        try
        {
            ((AwaitedResult)tasks[slot].Result!).Collect(table, slot);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        // An unguarded task released its inputs when it started.
        return EndAttempt(slot, failure, releaseInputs: false);
    }

    /// <summary>Ends an attempt that did not end where it started: through the guard when the task has one, else completed or failed.</summary>
    private TaskStep EndAttempt(int slot, Exception? failure, bool releaseInputs)
    {
        DelayedNode node = tasks[slot].Node;
        if (guard is not null && guard.Applies(node))
        {
            return EndGuardedAttempt(slot, failure);
        }

        if (failure is not null)
        {
            FailTask(node, failure);
            return TaskStep.Failed;
        }

        if (releaseInputs)
        {
            ReleaseInputs(slot);
        }

        return TaskStep.Completed;
    }

    private void ScheduleBlocking(int slot)
    {
        Enter();
        BlockingThreads.Run(new BlockingTask(this, slot));
    }
}

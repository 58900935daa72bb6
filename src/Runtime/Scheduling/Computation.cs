/*
 * The scheduler of one compute: its state model, the loop that drives it, and the small steps around it.
 *
 * Nodes are immutable and shared by any number of graphs and concurrent computes, so nothing here is
 * written into a node. A compute owns a ComputePlan (the tasks behind its targets, in flat arrays) and
 * one TaskRun per task, which holds the task's counters and result. A task is, at any moment:
 *
 *   waiting   some task inputs are unfinished: Remaining > 0 (one count per argument occurrence;
 *             constants and null handles are not tasks and never wait).
 *   ready     Remaining reached 0. A CPU task goes to the ready queue (at first: the plan's
 *             InitiallyReady array, taken with a cursor), except that the worker that finished its
 *             last input keeps one such successor to run next itself: a chain runs on one thread
 *             without a queue trip. A Blocking task goes to a BlockingThreads thread at once.
 *   running   invoked on a worker, on a blocking thread, or awaiting its ValueTask (holding no thread;
 *             its continuation finishes it). Workers are thread-pool work items, at most
 *             MaxDegreeOfParallelism at a time; blocking threads and awaits do not count against it.
 *   finished  result stored in its TaskRun; each consumer's Remaining drops (ready at 0); `pending`,
 *             the number of unfinished tasks, drops. At 0 the compute has succeeded.
 *   released  all its consumers have been invoked (PendingConsumers reached 0; targets hold one extra
 *             count, so they are kept until returned): the result is cleared for the GC.
 *
 * Stopping. The first failure (or the caller's cancellation, or a throwing observer) sets stopReason
 * (first one wins) and cancels the token the tasks see. Each task start checks stopReason first, so
 * nothing new starts afterwards. `inside` counts who may still start or finish a task: each worker,
 * blocking thread and pending await (counted before it is handed over), and the thread starting the
 * compute. Once stopped, the compute finishes when `inside` reaches 0: no task of it is running.
 *
 * Finishing happens once (the `finished` flag): observers hear OnComputeFinished, then `completion`
 * is completed and the caller returns or throws.
 *
 * The synchronous scheduler uses the same steps (StartTask, CollectAwaitedResult, CompleteTask) in a
 * plain loop over the tasks in build order on the caller's thread; it only skips the ready bookkeeping.
 *
 * Nothing recurses per node: planning uses an explicit stack, workers loop, and a finished await
 * schedules its successors instead of running them.
 */
using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Nodes;

namespace TaskGraph.Scheduling;

/// <summary>One compute: plans the graph behind its targets, runs it with the chosen scheduler, holds the results.</summary>
internal sealed class Computation : IThreadPoolWorkItem
{
    /// <summary>A worker reports finished tasks to `pending` in batches of this many: one shared atomic per batch, not per task.</summary>
    private const int FinishedBatch = 64;

    private static readonly object CanceledReason = new();
    private static long lastId;

    private readonly DelayedNode[] targets;
    private readonly TaskRun[] runs;
    private readonly int[] argumentSlots;
    private readonly int[] consumerStart;
    private readonly int[] consumers;
    private readonly int[] targetSlots;
    private readonly ComputePlan plan;
    private readonly ComputeNotifier? notifier;
    private readonly ComputeScheduler scheduler;
    private readonly int maxWorkers;
    private readonly CancellationToken callerToken;
    private readonly CancellationTokenSource cancellation;
    private readonly CancellationToken taskToken;
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<TaskRun> readyQueue = new();
    private int[] initiallyReady = Array.Empty<int>();
    private int initialCursor;
    private int workers;
    private int inside;
    private int pending;
    private int finished;
    private object? stopReason;
    private CancellationTokenRegistration cancellationRegistration;

    private Computation(DelayedNode[] targets, ComputeOptions options, CancellationToken cancellationToken)
    {
        this.targets = targets;
        plan = ComputePlan.Build(this, targets, recordBuildOrder: options.Scheduler == ComputeScheduler.Synchronous);
        runs = plan.Runs;
        argumentSlots = plan.ArgumentSlots;
        consumerStart = plan.ConsumerStart;
        consumers = plan.Consumers;
        targetSlots = plan.TargetSlots;
        pending = runs.Length;
        scheduler = options.Scheduler;
        maxWorkers = options.MaxDegreeOfParallelism;
        callerToken = cancellationToken;
        cancellation = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : new CancellationTokenSource();
        taskToken = cancellation.Token;
        Info = new ComputeInfo(Interlocked.Increment(ref lastId), Array.AsReadOnly(targets), runs.Length);
        notifier = ComputeNotifier.Create(this, Info, options);
    }

    internal ComputeInfo Info { get; }

    private bool IsStopped => Volatile.Read(ref stopReason) is not null;

    /// <summary>Computes <paramref name="targets"/>, blocking until no task of the compute runs, and reads the values with <paramref name="read"/>.</summary>
    internal static TResult Run<TResult>(DelayedNode?[] targets, ComputeOptions? options, CancellationToken cancellationToken, Func<Computation, TResult> read)
    {
        Computation computation = Create(targets, options, cancellationToken);
        try
        {
            computation.Enter();
            computation.Begin();
            if (computation.scheduler == ComputeScheduler.Synchronous)
            {
                // Never yields: every await inside is a blocking wait on this thread.
                computation.RunInBuildOrder(blockOnAwait: true).GetAwaiter().GetResult();
            }
            else
            {
                computation.StartParallel(callerWorks: true);
            }

            computation.Exit();
            computation.completion.Task.GetAwaiter().GetResult();
            return read(computation);
        }
        finally
        {
            computation.Dispose();
        }
    }

    /// <summary>Computes <paramref name="targets"/> and reads the values with <paramref name="read"/>.</summary>
    internal static Task<TResult> RunAsync<TResult>(DelayedNode?[] targets, ComputeOptions? options, CancellationToken cancellationToken, Func<Computation, TResult> read)
    {
        Computation computation = Create(targets, options, cancellationToken);
        return computation.RunAsync(read);
    }

    /// <summary>The value of target <paramref name="index"/>.</summary>
    internal T Result<T>(int index)
    {
        int slot = targetSlots[index];
        return slot < 0 ? ((ConstantNode<T>)targets[index]).Value : ((TaskRun<T>)runs[slot]).Result;
    }

    /// <summary>The values of all targets, which are all <see cref="Delayed{T}"/>.</summary>
    internal T[] Results<T>()
    {
        var values = new T[targets.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Result<T>(i);
        }

        return values;
    }

    /// <summary>Argument <paramref name="index"/> of <paramref name="run"/>, as its invoker reads it.</summary>
    internal T Argument<T>(TaskRun run, int index)
    {
        DelayedNode?[] arguments = run.Node.Arguments;
        if ((uint)index >= (uint)arguments.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Task '{run.Node.Key}' has {arguments.Length} arguments.");
        }

        int slot = argumentSlots[run.FirstArgument + index];
        if (slot >= 0 && runs[slot] is TaskRun<T> input)
        {
            return input.Result;
        }

        return arguments[index] switch
        {
            null => default!,
            ConstantNode<T> constant => constant.Value,
            DelayedNode other => throw new InvalidCastException(
                $"Argument {index} of task '{run.Node.Key}' is '{other.Key}' of another type than the {typeof(T).Name} it is read as."),
        };
    }

    /// <summary>Stops the compute because an observer or the progress callback threw (see <see cref="ComputeNotifier"/>).</summary>
    internal void StopWithObserverFailure(Exception exception) => Stop(exception);

    /// <summary>Runs a blocking task on its dedicated thread (entered for it when it was scheduled).</summary>
    internal void RunBlockingTask(TaskRun run)
    {
        int finishedHere = 0;
        RunTask(run, keepSuccessor: false, ref finishedHere);
        ReportFinished(finishedHere);
        Exit();
    }

    // The worker loop: runs ready tasks until none is left. Whoever started this worker claimed a worker slot and entered for it.
    void IThreadPoolWorkItem.Execute() => Work();

    private static Computation Create(DelayedNode?[] targets, ComputeOptions? options, CancellationToken cancellationToken)
    {
        var checkedTargets = new DelayedNode[targets.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            checkedTargets[i] = targets[i] ?? throw new ArgumentException($"Target {i} of the compute is null.", nameof(targets));
        }

        return new Computation(checkedTargets, options ?? ComputeOptions.Default, cancellationToken);
    }

    private async Task<TResult> RunAsync<TResult>(Func<Computation, TResult> read)
    {
        try
        {
            Enter();
            Begin();
            if (scheduler == ComputeScheduler.Synchronous)
            {
                await RunInBuildOrder(blockOnAwait: false).ConfigureAwait(false);
            }
            else
            {
                StartParallel(callerWorks: false);
            }

            Exit();
            await completion.Task.ConfigureAwait(false);
            return read(this);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Announces the compute, then lets cancellation in. The caller has entered.</summary>
    private void Begin()
    {
        notifier?.ComputeStarted();
        cancellationRegistration = taskToken.UnsafeRegister(
            static state =>
            {
                var computation = (Computation)state!;
                computation.Enter();
                computation.Stop(CanceledReason);
                computation.Exit();
            },
            this);
        if (runs.Length == 0)
        {
            Finish();
        }
    }

    private void StartParallel(bool callerWorks)
    {
        int[] ready = plan.InitiallyReady;
        int cpuReady = 0;
        foreach (int slot in ready)
        {
            if (!runs[slot].Node.IsBlocking)
            {
                ready[cpuReady++] = slot;
            }
            else if (!IsStopped)
            {
                Schedule(runs[slot]);
            }
        }

        initiallyReady = ready.AsSpan(0, cpuReady).ToArray();
        int poolWorkers = Math.Min(maxWorkers, cpuReady) - (callerWorks ? 1 : 0);
        for (int i = 0; i < poolWorkers; i++)
        {
            StartWorker();
        }

        // A blocking caller works too rather than only wait: a compute nested in a task then progresses
        // even when the pool has no thread to spare.
        if (callerWorks && TryClaimWorker())
        {
            Enter();
            Work();
        }
    }

    private void Work()
    {
        int finishedHere = 0;
        do
        {
            while (!IsStopped && TryTakeReady(out TaskRun? run))
            {
                do
                {
                    run = RunTask(run, keepSuccessor: true, ref finishedHere);
                }
                while (run is not null);

                if (finishedHere >= FinishedBatch)
                {
                    ReportFinished(finishedHere);
                    finishedHere = 0;
                }
            }

            ReportFinished(finishedHere);
            finishedHere = 0;
            Interlocked.Decrement(ref workers);

            // A task made ready after the last take, while every worker slot was taken, started no worker: take it on.
        }
        while (!IsStopped && HasReady() && TryClaimWorker());
        Exit();
    }

    /// <summary>The synchronous scheduler: one task at a time, in build order (a topological order), on the calling thread.</summary>
    private async ValueTask RunInBuildOrder(bool blockOnAwait)
    {
        TaskRun[] ordered = (TaskRun[])runs.Clone();
        Array.Sort(plan.BuildOrder, ordered);
        SemaphoreSlim? awaited = null;
        foreach (TaskRun run in ordered)
        {
            TaskStep step = StartTask(run);
            if (step == TaskStep.Awaiting)
            {
                awaited ??= new SemaphoreSlim(0);
                run.WhenAwaited(() => awaited.Release());
                if (blockOnAwait)
                {
                    awaited.Wait();
                }
                else
                {
                    await awaited.WaitAsync().ConfigureAwait(false);
                }

                step = CollectAwaitedResult(run);
            }

            if (step != TaskStep.Completed)
            {
                break;
            }

            CompleteTask(run, keepSuccessor: false);
            ReportFinished(1);
        }
    }

    /// <summary>
    /// Runs one ready task to its end or to its await; returns a successor it made ready for this thread
    /// to run next. Counts a finished task in <paramref name="finishedHere"/> for the caller to report.
    /// </summary>
    private TaskRun? RunTask(TaskRun run, bool keepSuccessor, ref int finishedHere)
    {
        switch (StartTask(run))
        {
            case TaskStep.Completed:
                finishedHere++;
                return CompleteTask(run, keepSuccessor);
            case TaskStep.Awaiting:
                Enter();
                run.WhenAwaited(() => FinishAwaitedTask(run));
                return null;
            default:
                return null;
        }
    }

    private TaskStep StartTask(TaskRun run)
    {
        if (IsStoppedOrCanceled())
        {
            return TaskStep.NotStarted;
        }

        notifier?.TaskStarted(run.Node);
        bool completed;
        try
        {
            completed = run.Invoke(taskToken);
        }
        catch (Exception exception)
        {
            FailTask(run, exception);
            return TaskStep.Failed;
        }

        ReleaseInputs(run);
        return completed ? TaskStep.Completed : TaskStep.Awaiting;
    }

    private void FinishAwaitedTask(TaskRun run)
    {
        if (CollectAwaitedResult(run) == TaskStep.Completed)
        {
            CompleteTask(run, keepSuccessor: false);
            ReportFinished(1);
        }

        Exit();
    }

    private TaskStep CollectAwaitedResult(TaskRun run)
    {
        try
        {
            run.CollectAwaitedResult();
            return TaskStep.Completed;
        }
        catch (Exception exception)
        {
            FailTask(run, exception);
            return TaskStep.Failed;
        }
    }

    /// <summary>
    /// Records a finished task: wakes consumers whose last input it was, keeping one for this thread if
    /// asked. The caller then reports it to <c>pending</c> (<see cref="ReportFinished"/>).
    /// </summary>
    private TaskRun? CompleteTask(TaskRun run, bool keepSuccessor)
    {
        notifier?.TaskCompleted(run.Node);
        TaskRun? next = null;
        if (scheduler == ComputeScheduler.Parallel)
        {
            int end = consumerStart[run.Slot + 1];
            for (int i = consumerStart[run.Slot]; i < end; i++)
            {
                TaskRun consumer = runs[consumers[i]];
                if (Interlocked.Decrement(ref consumer.Remaining) != 0)
                {
                    continue;
                }

                if (keepSuccessor && next is null && !consumer.Node.IsBlocking)
                {
                    next = consumer;
                }
                else
                {
                    Schedule(consumer);
                }
            }
        }

        return next;
    }

    /// <summary>Counts finished tasks; the one that brings <c>pending</c> to 0 finishes the compute.</summary>
    private void ReportFinished(int count)
    {
        if (count > 0 && Interlocked.Add(ref pending, -count) == 0)
        {
            Finish();
        }
    }

    /// <summary>The task's consumer has been invoked: inputs no other pending consumer needs are released.</summary>
    private void ReleaseInputs(TaskRun run)
    {
        int end = run.FirstArgument + run.Node.Arguments.Length;
        for (int i = run.FirstArgument; i < end; i++)
        {
            int slot = argumentSlots[i];
            if (slot >= 0 && Interlocked.Decrement(ref runs[slot].PendingConsumers) == 0)
            {
                runs[slot].ReleaseResult();
            }
        }
    }

    private void FailTask(TaskRun run, Exception exception)
    {
        notifier?.TaskFailed(run.Node, exception);
        if (IsStopped)
        {
            return;
        }

        Stop(exception is OperationCanceledException && callerToken.IsCancellationRequested
            ? CanceledReason
            : new DelayedTaskException(run.Node.Key, run.Node.Method, exception));
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

    private void Schedule(TaskRun run)
    {
        if (run.Node.IsBlocking)
        {
            Enter();
            BlockingThreads.Run(run);
            return;
        }

        readyQueue.Enqueue(run);
        StartWorker();
    }

    private void StartWorker()
    {
        if (TryClaimWorker())
        {
            Enter();
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private bool TryClaimWorker()
    {
        int count = Volatile.Read(ref workers);
        while (count < maxWorkers)
        {
            int seen = Interlocked.CompareExchange(ref workers, count + 1, count);
            if (seen == count)
            {
                return true;
            }

            count = seen;
        }

        return false;
    }

    /// <summary>
    /// Takes a task made ready while computing (deeper in the graph: its inputs can be released sooner),
    /// else the next initially ready task. One at a time: a task never waits behind a long one on a busy
    /// worker while another worker is free.
    /// </summary>
    private bool TryTakeReady(out TaskRun run)
    {
        if (readyQueue.TryDequeue(out run!))
        {
            return true;
        }

        if (Volatile.Read(ref initialCursor) < initiallyReady.Length)
        {
            int index = Interlocked.Increment(ref initialCursor) - 1;
            if (index < initiallyReady.Length)
            {
                run = runs[initiallyReady[index]];
                return true;
            }
        }

        return false;
    }

    private bool HasReady() => Volatile.Read(ref initialCursor) < initiallyReady.Length || !readyQueue.IsEmpty;

    private void Enter() => Interlocked.Increment(ref inside);

    private void Exit()
    {
        if (Interlocked.Decrement(ref inside) == 0 && IsStopped)
        {
            Finish();
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

    private void Dispose()
    {
        cancellationRegistration.Dispose();
        cancellation.Dispose();
    }

    private enum TaskStep
    {
        NotStarted,
        Completed,
        Awaiting,
        Failed,
    }
}

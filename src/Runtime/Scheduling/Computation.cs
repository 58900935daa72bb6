/*
 * The scheduler of one compute: its state model, the loop that drives it, and the small steps around it.
 *
 * Nodes are immutable and shared by any number of graphs and concurrent computes, so nothing here is
 * written into a node (apart from planning claims, see ComputePlan). A compute owns a ComputePlan: the
 * tasks behind its targets in flat arrays rented from the shared pools and indexed by slot (node,
 * counters, argument slots, consumer lists, and the typed result kept in place: see TaskResults), so a
 * task costs no object of its own. A task is, at any moment:
 *
 *   waiting   some task inputs are unfinished: Remaining > 0 (one count per argument occurrence;
 *             constants and null handles are not tasks and never wait).
 *   ready     Remaining reached 0. A CPU task goes to the ready queue (at first: the plan's
 *             InitiallyReady array, taken with a cursor; later: readySlots, an append-only array with
 *             room for every task, as each task becomes ready once), except that the worker that
 *             finished its last input keeps one such successor to run next itself: a chain runs on
 *             one thread without a queue trip. A Blocking task goes to a BlockingThreads thread at once.
 *             A count read as 1 is the last one: the last input (or consumer) needs no atomic step.
 *   running   invoked on a worker, on a blocking thread, or awaiting its ValueTask (holding no thread;
 *             its continuation finishes it). Workers are thread-pool work items, at most
 *             MaxDegreeOfParallelism at a time; blocking threads and awaits do not count against it.
 *   finished  result stored in its TaskState; each consumer's Remaining drops (ready at 0): a worker
 *             that finishes several inputs of one consumer in a row subtracts them in one step
 *             (UnreportedInputs); `pending`, the number of unfinished tasks, drops (each worker reports
 *             in batches). At 0 the compute has succeeded.
 *   released  all its consumers have been invoked (PendingConsumers reached 0; targets hold one extra
 *             count, so they are kept until returned): the result is cleared for the GC.
 *
 * Back-pressure. Sources (synchronous CPU tasks with no task inputs) are what add results without
 * consuming any. Those with a narrow consumer (one that takes at most the bound's number of task
 * inputs: holding sources back can help it) are held sources. Before a worker starts another one, it
 * compares the held sources started with their results released: past a bound (a few per worker) it
 * gives its worker slot up instead, and the release that brings the count back under half the bound
 * starts a worker again. The last running worker always goes on, and once it had to, nobody holds back
 * until a release shows consumers at work again. Sources feeding only a wide fan-in, or nothing but the
 * targets, never hold anyone back.
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
 * Returning the arrays. Two holders keep them: the running compute (until `inside` reaches 0 after
 * finishing: no worker, await or blocking thread can read them any more) and the caller (until it has
 * read the results). The last of the two to let go returns them to the pools, whatever the outcome.
 *
 * Retries and timeouts (AttemptGuard, present only when the compute or a task asks for them). A task
 * with either runs each attempt through StartGuardedAttempt: a timeout gives the attempt its own token,
 * linked to the compute's and cancelled by a timer; the task's inputs are kept until it completes, so a
 * retry reads the same arguments. A failed attempt with retries left is not a failure of the compute:
 * observers hear OnTaskRetrying, and after the delay (a timer, holding no thread; a stop ends it) a
 * blocking task goes to a blocking thread and a CPU task to the guard's retry queue, which workers take
 * from before the ready array (that array holds each task once). Tasks without either take the plain path.
 *
 * The synchronous scheduler uses the same steps (StartTask, CollectAwaitedResult, CompleteTask) in a
 * plain loop over the tasks in build order on the caller's thread; it only skips the ready bookkeeping.
 *
 * Nothing recurses per node: planning uses an explicit stack, workers loop, and a finished await
 * schedules its successors instead of running them.
 */
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Execution;
using TaskGraph.Nodes;

namespace TaskGraph.Scheduling;

/// <summary>One compute: plans the graph behind its targets, runs it with the chosen scheduler, holds the results.</summary>
internal sealed class Computation : TargetResults, IThreadPoolWorkItem
{
    /// <summary>A worker reports finished tasks to `pending` in batches of this many: one shared atomic per batch, not per task.</summary>
    private const int FinishedBatch = 64;

    /// <summary>
    /// A worker keeps finished inputs unreported (see <see cref="UnreportedInputs"/>) for a consumer that
    /// still waits for at least this many; for fewer, it seldom finishes two of them in a row.
    /// </summary>
    internal const int UnreportedInputsFrom = 8;

    /// <summary>Back-pressure: results of sources that may wait for their consumers, per worker (see <see cref="StandsDown"/>).</summary>
    internal const int HeldSourcesPerWorker = 4;

    private static readonly object CanceledReason = new();
    private static long lastId;

    private readonly DelayedNode[] targets;
    private readonly ComputePlan plan;

    // The plan's arrays, read on every task.
    private readonly TaskState[] tasks;
    private readonly int[] argumentSlots;
    private readonly int[] consumers;
    private readonly int[] initiallyReady;
    private readonly int initiallyReadyCount;
    private readonly int initiallyUncountedCount;
    private readonly int heldSourceBound;
    private readonly int taskCount;
    private readonly ComputeNotifier? notifier;
    private readonly AttemptGuard? guard;
    private readonly bool runsInBuildOrder;

    /// <summary>The executor's side of a compute whose tasks are handed over; <see langword="null"/>: tasks run on the core's workers.</summary>
    private readonly HandedOverTasks? handOver;
    private readonly int maxWorkers;
    private readonly CancellationToken callerToken;
    private readonly CancellationTokenSource cancellation;
    private readonly CancellationToken taskToken;
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Tasks made ready while computing, as slot + 1 (0: reserved, not yet written); taken from <c>readyHead</c>.</summary>
    private int[] readySlots;
    private PaddedCounter readyHead;
    private PaddedCounter readyTail;
    private PaddedCounter initialCursor;

    /// <summary>Results of held sources (<see cref="TaskState.HeldSource"/>) released so far; see <see cref="HeldSources"/>.</summary>
    private PaddedCounter sourcesReleased;

    /// <summary>Workers that gave their slot up rather than start another source (<see cref="StandsDown"/>), until woken.</summary>
    private int standingDown;

    /// <summary>
    /// <c>sourcesReleased</c> when the last worker had to start a source past the bound: until more are released,
    /// no worker holds back. At first none: consumers are presumed at work (a fold's first combine may run
    /// long before it releases anything, or its other input may still be running).
    /// </summary>
    private int releasedWhenForced = -1;
    private int workers;

    /// <summary>Workers inside their loop (claimed workers may still wait in the pool's queue).</summary>
    private int running;
    private int inside;
    private int pending;
    private int finished;
    private int arrayHolders = 2;
    private int quiet;
    private object? stopReason;
    private CancellationTokenRegistration cancellationRegistration;

    private Computation(DelayedNode[] targets, ComputeOptions options, ComputeExecution execution, CancellationToken cancellationToken)
    {
        this.targets = targets;
        maxWorkers = options.MaxDegreeOfParallelism;
        heldSourceBound = HeldSourcesPerWorker * maxWorkers;
        plan = ComputePlan.Build(targets, recordBuildOrder: execution.OnCallerThread, narrowInputs: heldSourceBound);
        tasks = plan.Tasks;
        argumentSlots = plan.ArgumentSlots;
        consumers = plan.Consumers;
        initiallyReady = plan.InitiallyReady;
        initiallyReadyCount = plan.InitiallyReadyCount;
        initiallyUncountedCount = plan.InitiallyUncountedCount;
        taskCount = plan.Count;
        pending = taskCount;
        readySlots = PooledArrays.Rent<int>(taskCount);
        Array.Clear(readySlots, 0, taskCount);
        runsInBuildOrder = execution.OnCallerThread;
        callerToken = cancellationToken;
        cancellation = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : new CancellationTokenSource();
        taskToken = cancellation.Token;
        Info = new ComputeInfo(Interlocked.Increment(ref lastId), Array.AsReadOnly(targets), taskCount);
        notifier = ComputeNotifier.IsWanted(options) ? new ComputeNotifier(StopWith, Info, options) : null;
        guard = AttemptGuard.Create(options, plan);
        if (execution.Executors is { } executors)
        {
            try
            {
                handOver = new HandedOverTasks(this, executors.CreateExecutor(new ExecutorContext(taskCount, maxWorkers, taskToken)), taskCount, plan.TargetSlots);
            }
            catch
            {
                // Nothing ran: the arrays go back at once.
                cancellation.Dispose();
                plan.Return();
                PooledArrays.Return(ref readySlots, 0);
                throw;
            }
        }
    }

    internal ComputeInfo Info { get; }

    private bool IsStopped => Volatile.Read(ref stopReason) is not null;

    internal override int Count => targets.Length;

    /// <summary>
    /// Computes <paramref name="targets"/> as <paramref name="execution"/> says. <paramref name="callerWaits"/>:
    /// the calling thread works too and the compute has ended (no task of it runs) when this returns.
    /// </summary>
    internal static ValueTask<TargetResults> Start(DelayedNode[] targets, ComputeOptions options, ComputeExecution execution, bool callerWaits, CancellationToken cancellationToken)
    {
        var computation = new Computation(targets, options, execution, cancellationToken);
        return callerWaits
            ? new ValueTask<TargetResults>(computation.RunOnCaller())
            : new ValueTask<TargetResults>(computation.RunAsync());
    }

    /// <summary>The value of target <paramref name="index"/>.</summary>
    internal override T Read<T>(int index)
    {
        int slot = plan.TargetSlots[index];
        if (slot < 0)
        {
            return ((ConstantNode<T>)targets[index]).Value;
        }

        // Targets are typed by the caller's handles; the check keeps the untyped store safe all the same.
        if (TaskResults.TryLoad(ref tasks[slot], out T value))
        {
            return value;
        }

        // An executor's result is stored untyped, as it was reported.
        return tasks[slot].Result is T reported ? reported : throw NotOfType<T>(index, targets[index], tasks[slot].Result);
    }

    /// <summary>The caller has read the results.</summary>
    internal override void Release() => Dispose();

    /// <summary>Argument <paramref name="index"/> of the task in <paramref name="slot"/>, as its invoker reads it.</summary>
    internal T Argument<T>(int slot, int index)
    {
        int inputSlot = argumentSlots[ArgumentEntry(slot, index)];
        if (inputSlot >= 0 && TaskResults.TryLoad(ref tasks[inputSlot], out T value))
        {
            return value;
        }

        return tasks[slot].Node.Arguments[index] switch
        {
            null => default!,
            ConstantNode<T> constant => constant.Value,
            DelayedNode other => throw new InvalidCastException(
                $"Argument {index} of task '{tasks[slot].Node.Key}' is '{other.Key}' of another type than the {typeof(T).Name} it is read as."),
        };
    }

    /// <summary>
    /// Argument <paramref name="index"/> of the handed-over task in <paramref name="slot"/>, untyped: what the
    /// executor reported for its input task, a constant's value, or <see langword="null"/> for a null handle.
    /// </summary>
    internal object? ArgumentValue(int slot, int index)
    {
        int inputSlot = argumentSlots[ArgumentEntry(slot, index)];
        return inputSlot >= 0 ? tasks[inputSlot].Result : tasks[slot].Node.Arguments[index]?.ConstantValue;
    }

    /// <summary>The values of all arguments of the task in <paramref name="slot"/>, in order: a collection's items, read in one pass.</summary>
    internal T[] Arguments<T>(int slot)
    {
        int first = tasks[slot].ArgumentStart;
        var values = new T[tasks[slot + 1].ArgumentStart - first];
        for (int i = 0; i < values.Length; i++)
        {
            int input = argumentSlots[first + i];
            values[i] = input >= 0 && TaskResults.TryLoad(ref tasks[input], out T value) ? value : Argument<T>(slot, i);
        }

        return values;
    }

    /// <summary>Stores the result of the task in <paramref name="slot"/>, as its node's invoker returned it.</summary>
    internal void StoreResult<T>(int slot, T value) => TaskResults.Store(ref tasks[slot], value);

    /// <summary>Keeps the pending result of the task in <paramref name="slot"/> until it is collected.</summary>
    internal void AwaitResult(int slot, AwaitedResult pending) => tasks[slot].Result = pending;

    /// <summary>Stops the compute because an observer, the progress callback or the task executor threw (see <see cref="ComputeNotifier"/>).</summary>
    internal void StopWith(Exception exception) => Stop(exception);

    /// <summary>The executor reported an attempt of the handed-over task in <paramref name="slot"/> (entered for it when it was handed over).</summary>
    internal void EndHandedOver(int slot, object? result, Exception? failure)
    {
        if (failure is null)
        {
            tasks[slot].Result = result;
        }

        AfterAttempt(slot, EndAttempt(slot, failure, releaseInputs: true));
        Exit();
    }

    /// <summary>Runs a blocking task on its dedicated thread (entered for it when it was scheduled).</summary>
    internal void RunBlockingTask(int slot)
    {
        int finishedHere = 0;
        var unreported = default(UnreportedInputs);
        RunTask(slot, keepSuccessor: false, ref finishedHere, ref unreported);
        Report(ref unreported, keepSuccessor: false, next: -1);
        ReportFinished(finishedHere);
        Exit();
    }

    // The worker loop: runs ready tasks until none is left. Whoever started this worker claimed a worker slot and entered for it.
    void IThreadPoolWorkItem.Execute() => Work();

    /// <summary>Index of argument <paramref name="index"/> of the task in <paramref name="slot"/> in the argument arrays.</summary>
    private int ArgumentEntry(int slot, int index)
    {
        int first = tasks[slot].ArgumentStart;
        if ((uint)index >= (uint)(tasks[slot + 1].ArgumentStart - first))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Task '{tasks[slot].Node.Key}' has {tasks[slot + 1].ArgumentStart - first} arguments.");
        }

        return first + index;
    }

    private Computation RunOnCaller()
    {
        try
        {
            Enter();
            Begin();
            if (runsInBuildOrder)
            {
                // Never yields: every await inside is a blocking wait on this thread.
                RunInBuildOrder(blockOnAwait: true).GetAwaiter().GetResult();
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
            if (runsInBuildOrder)
            {
                await RunInBuildOrder(blockOnAwait: false).ConfigureAwait(false);
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

    private void StartParallel(bool callerWorks)
    {
        foreach (int slot in plan.InitiallyReadyBlocking ?? (IEnumerable<int>)Array.Empty<int>())
        {
            if (!IsStopped)
            {
                ScheduleBlocking(slot);
            }
        }

        int poolWorkers = Math.Min(maxWorkers, initiallyReadyCount) - (callerWorks ? 1 : 0);
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
        Interlocked.Increment(ref running);
        int finishedHere = 0;
        var unreported = default(UnreportedInputs);
        bool stoodDown = false;
        do
        {
            while (!IsStopped && TryTakeReady(out int slot, out stoodDown))
            {
                do
                {
                    if (unreported.Count > 0 && !Feeds(slot, unreported.Entry))
                    {
                        Report(ref unreported, keepSuccessor: false, next: -1);
                    }

                    slot = RunTask(slot, keepSuccessor: true, ref finishedHere, ref unreported);
                }
                while (slot >= 0);

                if (finishedHere >= FinishedBatch)
                {
                    ReportFinished(finishedHere);
                    finishedHere = 0;
                }
            }

            Report(ref unreported, keepSuccessor: false, next: -1);
            ReportFinished(finishedHere);
            finishedHere = 0;
            if (stoodDown)
            {
                // Slot and running count are given up already; a release of held results starts a worker again.
                Exit();
                return;
            }

            Interlocked.Decrement(ref workers);

            // A task made ready after the last take, while every worker slot was taken, started no worker: take it on.
        }
        while (!IsStopped && HasReady() && TryClaimWorker());
        Interlocked.Decrement(ref running);
        Exit();
    }

    /// <summary>The synchronous scheduler: one task at a time, in build order (a topological order), on the calling thread.</summary>
    private async ValueTask RunInBuildOrder(bool blockOnAwait)
    {
        var ordered = new int[taskCount];
        for (int slot = 0; slot < ordered.Length; slot++)
        {
            ordered[slot] = slot;
        }

        Array.Sort(plan.BuildOrder!, ordered);
        SemaphoreSlim? awaited = null;
        foreach (int slot in ordered)
        {
            TaskStep step;
            while (true)
            {
                step = StartTask(slot);
                if (step == TaskStep.Awaiting)
                {
                    awaited ??= new SemaphoreSlim(0);
                    ((AwaitedResult)tasks[slot].Result!).WhenDone(() => awaited.Release());
                    if (blockOnAwait)
                    {
                        awaited.Wait();
                    }
                    else
                    {
                        await awaited.WaitAsync().ConfigureAwait(false);
                    }

                    step = CollectAwaitedResult(slot);
                }

                if (step != TaskStep.Retrying)
                {
                    break;
                }

                // The wait before a retry ends early when the compute stops; the next StartTask then sees the stop.
                TimeSpan delay = guard!.NextDelay(slot);
                if (delay > TimeSpan.Zero && blockOnAwait)
                {
                    taskToken.WaitHandle.WaitOne(delay);
                }
                else if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, taskToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }

            if (step != TaskStep.Completed)
            {
                break;
            }

            CompleteAlone(slot);
            ReportFinished(1);
        }
    }

    /// <summary>
    /// Runs one ready task to its end or to its await; returns a successor it made ready for this thread
    /// to run next (-1: none). Counts a finished task in <paramref name="finishedHere"/> and its consumers'
    /// inputs in <paramref name="unreported"/> for the caller to report.
    /// </summary>
    private int RunTask(int slot, bool keepSuccessor, ref int finishedHere, ref UnreportedInputs unreported)
    {
        switch (StartTask(slot))
        {
            case TaskStep.Completed:
                finishedHere++;
                return CompleteTask(slot, keepSuccessor, ref unreported);
            case TaskStep.Awaiting:
                AwaitTask(slot);
                return -1;
            case TaskStep.Retrying:
                ScheduleRetry(slot);
                return -1;
            default:
                // Not started, failed, or handed over (the executor reports it).
                return -1;
        }
    }

    private TaskStep StartTask(int slot)
    {
        if (IsStoppedOrCanceled())
        {
            return TaskStep.NotStarted;
        }

        DelayedNode node = tasks[slot].Node;
        notifier?.TaskStarted(node);
        if (handOver is not null)
        {
            return HandOver(slot, node);
        }

        if (guard is not null && guard.Applies(node))
        {
            return StartGuardedAttempt(slot);
        }

        bool completed;
        try
        {
            completed = node.Invoke(this, slot, taskToken);
        }
        catch (Exception exception)
        {
            FailTask(node, exception);
            return TaskStep.Failed;
        }

        ReleaseInputs(slot);
        return completed ? TaskStep.Completed : TaskStep.Awaiting;
    }

    /// <summary>
    /// Hands an attempt of the task in <paramref name="slot"/> to the executor (entered for until it reports;
    /// see <see cref="EndHandedOver"/>). Its inputs are kept until it completes: the executor reads them meanwhile.
    /// </summary>
    private TaskStep HandOver(int slot, DelayedNode node)
    {
        CancellationToken token = guard is not null && guard.Applies(node) ? guard.StartAttempt(slot, node, taskToken) : taskToken;
        Enter();
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
        CancellationToken token = guard!.StartAttempt(slot, node, taskToken);
        bool completed;
        try
        {
            completed = node.Invoke(this, slot, token);
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
        failure = guard!.EndAttempt(slot, node, failure, taskToken);
        if (failure is null)
        {
            ReleaseInputs(slot);
            return TaskStep.Completed;
        }

        // A stopping compute (a failure elsewhere, cancellation) retries nothing.
        if (!IsStopped && !taskToken.IsCancellationRequested && guard.TryRetry(slot, node, out int attempt, out TimeSpan delay))
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

        Enter();
        Task.Delay(delay, taskToken).ContinueWith(
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
        if (tasks[slot].Node.IsBlocking)
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
            ((AwaitedResult)tasks[slot].Result!).Collect(this, slot);
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

    /// <summary>
    /// Records a finished task: counts it as an input of each of its consumers in <paramref name="unreported"/>
    /// (reporting the consumer held there first when it is another one), and wakes a consumer once the
    /// inputs held are all it still waits for, keeping one for this thread if asked (returned; -1: none).
    /// The caller then reports it to <c>pending</c> (<see cref="ReportFinished"/>).
    /// </summary>
    private int CompleteTask(int slot, bool keepSuccessor, ref UnreportedInputs unreported)
    {
        notifier?.TaskCompleted(tasks[slot].Node);
        int next = -1;
        if (!runsInBuildOrder)
        {
            int end = tasks[slot + 1].ConsumerStart;
            for (int i = tasks[slot].ConsumerStart; i < end; i++)
            {
                int entry = consumers[i];
                ref int remaining = ref tasks[entry < 0 ? ~entry : entry].Remaining;
                if (unreported.Count > 0 && unreported.Entry == entry)
                {
                    // Equal counts: every other input is finished and reported, so nobody else writes the count.
                    if (Volatile.Read(ref remaining) == ++unreported.Count)
                    {
                        remaining = 0;
                        unreported.Count = 0;
                        next = Wake(entry, keepSuccessor, next);
                    }

                    continue;
                }

                if (Volatile.Read(ref remaining) >= UnreportedInputsFrom)
                {
                    next = Report(ref unreported, keepSuccessor, next);
                    unreported.Entry = entry;
                    unreported.Count = 1;
                }
                else if (IsLastCount(ref remaining))
                {
                    // Few inputs left (a chain, a pair, a fan-in's last ones) are subtracted at once: the thread that finishes the last one runs the consumer itself.
                    next = Wake(entry, keepSuccessor, next);
                }
            }
        }

        return next;
    }

    /// <summary>Completes a task outside a worker's loop (an awaited or blocking task, the synchronous scheduler): no input count is kept unreported.</summary>
    private void CompleteAlone(int slot)
    {
        var unreported = default(UnreportedInputs);
        CompleteTask(slot, keepSuccessor: false, ref unreported);
        Report(ref unreported, keepSuccessor: false, next: -1);
    }

    /// <summary>Subtracts the inputs held in <paramref name="unreported"/> from their consumer, waking it when they were its last; returns the successor kept (see <see cref="Wake"/>).</summary>
    private int Report(ref UnreportedInputs unreported, bool keepSuccessor, int next)
    {
        if (unreported.Count == 0)
        {
            return next;
        }

        int entry = unreported.Entry;
        int count = unreported.Count;
        unreported.Count = 0;
        return Interlocked.Add(ref tasks[entry < 0 ? ~entry : entry].Remaining, -count) == 0
            ? Wake(entry, keepSuccessor, next)
            : next;
    }

    /// <summary>
    /// A consumer whose inputs are all finished: a blocking one goes to a blocking thread, a CPU one becomes
    /// <paramref name="next"/> for this thread when asked to keep one and none is kept yet, else to the queue.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Wake(int entry, bool keepSuccessor, int next)
    {
        if (entry < 0)
        {
            ScheduleBlocking(~entry);
        }
        else if (keepSuccessor && next < 0)
        {
            return entry;
        }
        else
        {
            Schedule(entry);
        }

        return next;
    }

    /// <summary>Whether the first consumer of task <paramref name="slot"/> is <paramref name="entry"/>: holding its inputs back while this task runs delays nothing.</summary>
    private bool Feeds(int slot, int entry)
    {
        int start = tasks[slot].ConsumerStart;
        return start < tasks[slot + 1].ConsumerStart && consumers[start] == entry;
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
    private void ReleaseInputs(int slot)
    {
        int end = tasks[slot + 1].ArgumentStart;
        int sources = 0;
        for (int i = tasks[slot].ArgumentStart; i < end; i++)
        {
            int input = argumentSlots[i];
            if (input >= 0 && IsLastCount(ref tasks[input].PendingConsumers))
            {
                TaskResults.Release(ref tasks[input]);
                handOver?.Released(input);
                if (tasks[input].Remaining == TaskState.HeldSource)
                {
                    sources++;
                }
            }
        }

        if (sources > 0)
        {
            ReleasedSources(sources);
        }
    }

    /// <summary>Counts released results of held sources; wakes a worker that stood down once few are left.</summary>
    private void ReleasedSources(int count)
    {
        int released = Interlocked.Add(ref sourcesReleased.Value, count);
        if (Volatile.Read(ref standingDown) != 0 && HeldSources(released) <= heldSourceBound / 2)
        {
            WakeStandingDown(all: false);
        }
    }

    /// <summary>Results of held sources started and not yet released (running, or waiting for consumers).</summary>
    private int HeldSources(int released)
        => Math.Min(Volatile.Read(ref initialCursor.Value), initiallyReadyCount) - initiallyUncountedCount - released;

    /// <summary>
    /// Back-pressure on sources, asked before a worker starts another synchronous source: gives the worker's
    /// slot up when more than <see cref="heldSourceBound"/> source results are held while consumers are
    /// releasing them (a running fold whose sources outrun its chain of combines would otherwise keep nearly
    /// all of them alive). Only sources with a narrow consumer count (see <see cref="ComputePlan.InitiallyReady"/>). The last worker never stands down; when it has to go on past the bound, the
    /// consumers are not at work (a fan-in that runs only at the end), so every worker goes on until a
    /// source result is released again. "Last" counts running workers, not claimed ones: a claimed worker
    /// may still wait in the pool's queue, behind the very tasks that wait for this compute.
    /// </summary>
    private bool StandsDown()
    {
        int released = Volatile.Read(ref sourcesReleased.Value);
        if (HeldSources(released) <= heldSourceBound || released == Volatile.Read(ref releasedWhenForced))
        {
            return false;
        }

        int count = Volatile.Read(ref running);
        while (count > 1)
        {
            int seen = Interlocked.CompareExchange(ref running, count - 1, count);
            if (seen == count)
            {
                Interlocked.Decrement(ref workers);
                Interlocked.Increment(ref standingDown);
                return true;
            }

            count = seen;
        }

        Volatile.Write(ref releasedWhenForced, released);
        WakeStandingDown(all: true);
        return false;
    }

    private void WakeStandingDown(bool all)
    {
        int count = Volatile.Read(ref standingDown);
        while (count > 0)
        {
            int seen = Interlocked.CompareExchange(ref standingDown, count - 1, count);
            if (seen != count)
            {
                count = seen;
                continue;
            }

            StartWorker();
            if (!all)
            {
                return;
            }

            count--;
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

    /// <summary>
    /// Counts down one of the holders of <paramref name="count"/>; <see langword="true"/> for the last one.
    /// Each holder counts down once, so a holder that reads 1 is the last and needs no atomic operation
    /// (every task of a chain, a tree or a fan-in has one consumer).
    /// </summary>
    private static bool IsLastCount(ref int count)
    {
        if (Volatile.Read(ref count) == 1)
        {
            count = 0;
            return true;
        }

        return Interlocked.Decrement(ref count) == 0;
    }

    private void ScheduleBlocking(int slot)
    {
        Enter();
        BlockingThreads.Run(new BlockingTask(this, slot));
    }

    /// <summary>Queues a ready CPU task for the workers.</summary>
    private void Schedule(int slot)
    {
        // Each task becomes ready once, so the array has room for every one: reserve a cell, then fill it.
        int cell = Interlocked.Increment(ref readyTail.Value) - 1;
        Volatile.Write(ref readySlots[cell], slot + 1);
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
    /// else the next initially ready task, unless back-pressure has this worker stand down instead
    /// (<paramref name="stoodDown"/>; see <see cref="StandsDown"/>). One at a time: a task never waits behind
    /// a long one on a busy worker while another worker is free.
    /// </summary>
    private bool TryTakeReady(out int slot, out bool stoodDown)
    {
        stoodDown = false;
        if (guard is not null && guard.Retries.TryDequeue(out slot))
        {
            return true;
        }

        while (true)
        {
            int head = Volatile.Read(ref readyHead.Value);
            if (head >= Volatile.Read(ref readyTail.Value))
            {
                break;
            }

            int cell = Volatile.Read(ref readySlots[head]);
            if (cell == 0)
            {
                // Reserved by a thread that has not written it yet: a matter of instructions.
                Thread.SpinWait(1);
                continue;
            }

            if (Interlocked.CompareExchange(ref readyHead.Value, head + 1, head) == head)
            {
                slot = cell - 1;
                return true;
            }
        }

        int next = Volatile.Read(ref initialCursor.Value);
        if (next < initiallyReadyCount)
        {
            if (next >= initiallyUncountedCount && StandsDown())
            {
                stoodDown = true;
                slot = -1;
                return false;
            }

            int index = Interlocked.Increment(ref initialCursor.Value) - 1;
            if (index < initiallyReadyCount)
            {
                slot = initiallyReady[index];
                return true;
            }
        }

        slot = -1;
        return false;
    }

    private bool HasReady()
        => Volatile.Read(ref initialCursor.Value) < initiallyReadyCount
            || Volatile.Read(ref readyHead.Value) < Volatile.Read(ref readyTail.Value)
            || guard is { Retries.IsEmpty: false };

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
            PooledArrays.Return(ref readySlots, 0);
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

    private enum TaskStep
    {
        NotStarted,
        Completed,
        Awaiting,
        Failed,

        /// <summary>The attempt failed and the task has retries left: it runs again after its delay.</summary>
        Retrying,

        /// <summary>The attempt is the executor's (see <see cref="HandOver"/>): its report goes on from there.</summary>
        HandedOver,
    }
}

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
 *             InitiallyReady array, taken with a cursor; later: an append-only array with room for
 *             every task, as each task becomes ready once: see ReadyQueue), except that the worker that
 *             finished its last input keeps one such successor to run next itself: a chain runs on
 *             one thread without a queue trip. A Blocking task goes to a BlockingThreads thread at once.
 *             A count read as 1 is the last one: the last input (or consumer) needs no atomic step.
 *   running   invoked on a worker, on a blocking thread, or awaiting its ValueTask (holding no thread;
 *             its continuation finishes it). Workers are thread-pool work items, at most
 *             MaxDegreeOfParallelism at a time; blocking threads and awaits do not count against it.
 *   finished  result stored in its TaskEntry (the task table); each consumer's Remaining drops (ready at 0): a worker
 *             that finishes several inputs of one consumer in a row subtracts them in one step
 *             (UnreportedInputs); `pending`, the number of unfinished tasks, drops (each worker reports
 *             in batches). At 0 the compute has succeeded.
 *   released  all its consumers have been invoked (PendingConsumers reached 0; targets hold one extra
 *             count, so they are kept until returned): the result is cleared for the GC.
 *
 * Rooms around this loop, each with its invariants at its top: TaskTable (the arrays and what invokers
 * read and write), ReadyQueue, WorkerSlots, BackPressure (held sources), TaskAttempts (awaits, retries
 * and timeouts, blocking threads, hand-over to an executor, the synchronous caller's waits), ComputeLifetime
 * (this class's base: entering, stopping, finishing, array ownership), ComputePlan (planning) and PureDedupe
 * (pure calls planned as one task).
 *
 * Executors. The same core runs every scheduler: the parallel one (workers on the thread pool, the
 * blocking caller as one of them, blocking tasks on threads of their own); the synchronous one (one
 * worker, the calling thread, which keeps its slot throughout and waits for each await and retry delay
 * itself: the task is parked, so tasks run one at a time in the same order every run, with the same
 * counting and release); and a TaskExecutorScheduler's executor, to which a worker hands each attempt
 * over (HandedOverTasks) and whose report ends it as an await's completion would.
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
internal sealed partial class Computation : ComputeLifetime, IThreadPoolWorkItem
{
    /// <summary>A worker reports finished tasks to `pending` in batches of this many: one shared atomic per batch, not per task.</summary>
    private const int FinishedBatch = 64;

    /// <summary>
    /// A worker keeps finished inputs unreported (see <see cref="UnreportedInputs"/>) for a consumer that
    /// still waits for at least this many; for fewer, it seldom finishes two of them in a row.
    /// </summary>
    internal const int UnreportedInputsFrom = 8;

    private static long lastId;

    private readonly DelayedNode[] targets;

    /// <summary>The graph run instead of the targets' own when a result store is set; <see langword="null"/> otherwise.</summary>
    private readonly Resume.ResumedGraph? resumed;
    private readonly ComputePlan plan;

    // The plan's arrays, read on every task.
    private readonly TaskTable table;
    private readonly TaskEntry[] tasks;
    private readonly int[] argumentSlots;
    private readonly int[] consumers;
    private readonly int taskCount;
    private readonly ComputeNotifier? notifier;
    private readonly AttemptGuard? guard;

    /// <summary>
    /// The synchronous scheduler: one worker, the calling thread, which also waits for each await and retry
    /// delay itself (the task is parked, see <see cref="parkedSlot"/>), so tasks run one at a time in the same order every run.
    /// </summary>
    private readonly bool onCallerThread;

    /// <summary>Blocking tasks run on threads of their own (the parallel scheduler); else they are tasks like any other.</summary>
    private readonly bool separateBlocking;

    /// <summary>The executor's side of a compute whose tasks are handed over; <see langword="null"/>: tasks run on the core's workers.</summary>
    private readonly HandedOverTasks? handOver;
    private ReadyQueue ready;
    private WorkerSlots slots;
    private BackPressure backPressure;

    /// <summary>Tasks not finished yet; the report that brings it to 0 finishes the compute.</summary>
    private int pending;

    private Computation(DelayedNode[] targets, ComputeOptions options, ComputeExecution execution, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        // With a result store, stored results replace their tasks before planning (see Resume/ResumedGraph).
        resumed = Resume.ResumedGraph.Prepare(targets, options);
        this.targets = resumed?.Targets ?? targets;
        onCallerThread = execution.OnCallerThread;
        separateBlocking = !onCallerThread && execution.Executors is null;
        int workers = onCallerThread ? 1 : options.MaxDegreeOfParallelism;
        bool observed = ComputeNotifier.IsWanted(options);
        plan = ComputePlan.Build(this.targets, separateBlocking, countMethods: observed);
        BackPressure.OrderSources(plan, workers);
        table = plan.Table;
        tasks = table.Tasks;
        argumentSlots = table.ArgumentSlots;
        consumers = table.Consumers;
        taskCount = table.Count;
        pending = taskCount;
        ready = new ReadyQueue(plan.InitiallyReady, plan.InitiallyReadyCount, taskCount);
        slots = new WorkerSlots(workers);
        backPressure = new BackPressure(workers, plan);
        if (observed)
        {
            // Only a compute someone watches is described: without observers it costs no object.
            var info = new ComputeInfo(Interlocked.Increment(ref lastId), Array.AsReadOnly(targets), taskCount + (resumed?.Reused.Count ?? 0), CountPerMethod());
            notifier = new ComputeNotifier(StopWith, info, options);
        }

        guard = AttemptGuard.Create(options, plan);
        if (execution.Executors is { } executors)
        {
            try
            {
                handOver = new HandedOverTasks(this, table, executors.CreateExecutor(new ExecutorContext(taskCount, options.MaxDegreeOfParallelism, TaskToken)), plan.TargetSlots);
            }
            catch
            {
                Abandon();
                throw;
            }
        }
    }

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
        return Cast<T>(index, targets[index], tasks[slot].Result);
    }

    private protected override bool AllTasksFinished => Volatile.Read(ref pending) == 0;

    private protected override void Announce()
    {
        notifier?.ComputeStarted();
        if (notifier is not null && resumed is not null)
        {
            resumed.Reused.ForEach(notifier.TaskReused);
        }
    }

    private protected override ValueTask StartWork(bool callerWaits)
    {
        if (onCallerThread)
        {
            // A waiting caller never yields: every wait inside is then a blocking wait on this thread.
            return WorkOnCaller(block: callerWaits);
        }

        StartParallel(callerWorks: callerWaits);
        return ValueTask.CompletedTask;
    }

    private protected override Exception? AnnounceFinished(ComputeStatus status, Exception? exception) => notifier?.ComputeFinished(status, exception);

    private protected override void ReturnArrays()
    {
        plan.Return();
        ready.Return();
    }

    /// <summary>The compute's tasks per method, for its <see cref="ComputeInfo"/>: the planned ones, then the reused ones.</summary>
    private MethodTaskCount[] CountPerMethod()
    {
        MethodCounts counts = plan.TasksPerMethod!;
        for (int i = 0; i < (resumed?.Reused.Count ?? 0); i++)
        {
            counts.Add(resumed!.Reused[i].Method);
        }

        return counts.ToArray();
    }

    private protected override ValueTask DisposeExecutorAsync() => handOver?.DisposeAsync() ?? ValueTask.CompletedTask;

    // The worker loop: runs ready tasks until none is left. Whoever started this worker claimed a worker slot and entered for it.
    void IThreadPoolWorkItem.Execute() => Work();

    private void StartParallel(bool callerWorks)
    {
        foreach (int slot in plan.InitiallyReadyBlocking ?? (IEnumerable<int>)Array.Empty<int>())
        {
            if (!IsStopped)
            {
                ScheduleBlocking(slot);
            }
        }

        int poolWorkers = Math.Min(slots.Limit, plan.InitiallyReadyCount) - (callerWorks ? 1 : 0);
        for (int i = 0; i < poolWorkers; i++)
        {
            StartWorker();
        }

        // A blocking caller works too rather than only wait: a compute nested in a task then progresses
        // even when the pool has no thread to spare.
        if (callerWorks && slots.TryClaim())
        {
            Enter();
            Work();
        }
    }

    private void Work()
    {
        slots.BeginRunning();
        do
        {
            if (RunReadyTasks())
            {
                // Slot and running count are given up already; a release of held results starts a worker again.
                Exit();
                return;
            }

            slots.Release();

            // A task made ready after the last take, while every worker slot was taken, started no worker: take it on.
        }
        while (!IsStopped && HasReady() && slots.TryClaim());
        slots.EndRunning();
        Exit();
    }

    /// <summary>
    /// The worker's loop, holding a worker slot: takes ready tasks and runs each with the successors it makes
    /// ready for this thread, until none is ready, the compute stops or a task is parked. Returns whether
    /// back-pressure had the worker stand down (its slot given up).
    /// </summary>
    private bool RunReadyTasks()
    {
        int finishedHere = 0;
        var unreported = default(UnreportedInputs);
        var pace = default(TaskPace);
        bool stoodDown = false;
        while (!IsStopped && parkedSlot < 0 && TryTakeReady(out int slot, out stoodDown))
        {
            do
            {
                if (unreported.Count > 0 && !Feeds(slot, unreported.Entry))
                {
                    Report(ref unreported, keepSuccessor: false, next: -1);
                }

                slot = RunTask(slot, keepSuccessor: true, ref finishedHere, ref unreported, ref pace);
            }
            while (slot >= 0);

            if (finishedHere >= FinishedBatch)
            {
                // Counted tasks first: the report of the last finished tasks finishes the compute.
                pace.Report(notifier);
                ReportFinished(finishedHere);
                finishedHere = 0;
            }
        }

        Report(ref unreported, keepSuccessor: false, next: -1);
        pace.Report(notifier);
        ReportFinished(finishedHere);
        return stoodDown;
    }

    /// <summary>
    /// Runs one ready task to its end or to its await; returns a successor it made ready for this thread
    /// to run next (-1: none). Counts a finished task in <paramref name="finishedHere"/> and its consumers'
    /// inputs in <paramref name="unreported"/> for the caller to report.
    /// </summary>
    private int RunTask(int slot, bool keepSuccessor, ref int finishedHere, ref UnreportedInputs unreported, ref TaskPace pace)
    {
        switch (StartTask(slot, ref pace))
        {
            case TaskStep.Completed:
                finishedHere++;
                return CompleteTask(slot, keepSuccessor, ref unreported);
            case TaskStep.CompletedCounted:
                finishedHere++;
                notifier!.CountCompleted(tasks[slot].Node, ref pace);
                return CompleteTask(slot, keepSuccessor, ref unreported, counted: true);
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

    private TaskStep StartTask(int slot, ref TaskPace pace)
    {
        if (IsStoppedOrCanceled())
        {
            return TaskStep.NotStarted;
        }

        DelayedNode node = tasks[slot].Node;
        if (handOver is not null)
        {
            notifier?.TaskStarted(node);
            return HandOver(slot, node);
        }

        if (guard is not null && guard.Applies(node))
        {
            notifier?.TaskStarted(node);
            return StartGuardedAttempt(slot);
        }

        // Only a task that completes here and now can go uncounted past the sampling observers (see TaskPace).
        bool counted = notifier is not null && notifier.CountsStart(node, ref pace);
        if (!counted)
        {
            notifier?.TaskStarted(node);
        }

        bool completed;
        try
        {
            completed = node.Invoke(table, slot, TaskToken);
        }
        catch (Exception exception)
        {
            if (counted)
            {
                notifier!.TellSampling(node);
            }

            FailTask(node, exception);
            return TaskStep.Failed;
        }

        ReleaseInputs(slot);
        if (completed)
        {
            return counted ? TaskStep.CompletedCounted : TaskStep.Completed;
        }

        if (counted)
        {
            notifier!.TellSampling(node);
        }

        return TaskStep.Awaiting;
    }

    private void FailTask(DelayedNode node, Exception exception)
    {
        notifier?.TaskFailed(node, exception);
        if (!IsStopped)
        {
            StopForFailedTask(node, exception);
        }
    }

    /// <summary>
    /// Records a finished task: counts it as an input of each of its consumers in <paramref name="unreported"/>
    /// (reporting the consumer held there first when it is another one), and wakes a consumer once the
    /// inputs held are all it still waits for, keeping one for this thread if asked (returned; -1: none).
    /// The caller then reports it to <c>pending</c> (<see cref="ReportFinished"/>). A <paramref name="counted"/> task's
    /// observers know already (<see cref="ComputeNotifier.CountCompleted"/>).
    /// </summary>
    private int CompleteTask(int slot, bool keepSuccessor, ref UnreportedInputs unreported, bool counted = false)
    {
        if (!counted)
        {
            notifier?.TaskCompleted(tasks[slot].Node);
        }

        int next = -1;
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
                if (tasks[input].Remaining == TaskEntry.HeldSource)
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
        if (backPressure.Released(count, ready.InitialTaken) && backPressure.TryWake())
        {
            StartWorker();
        }
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

    /// <summary>Queues a ready CPU task for the workers.</summary>
    private void Schedule(int slot)
    {
        ready.Push(slot);
        StartWorker();
    }

    private void StartWorker()
    {
        if (slots.TryClaim())
        {
            Enter();
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>
    /// Takes a retry due, else a task made ready while computing, else the next initially ready task,
    /// unless back-pressure has this worker stand down instead (<paramref name="stoodDown"/>; see <see cref="BackPressure"/>).
    /// </summary>
    private bool TryTakeReady(out int slot, out bool stoodDown)
    {
        stoodDown = false;
        if ((guard is not null && guard.Retries.TryDequeue(out slot)) || ready.TryTakeMadeReady(out slot))
        {
            return true;
        }

        int next = ready.NextInitial;
        if (next >= backPressure.Uncounted && StandsDown(next))
        {
            stoodDown = true;
            return false;
        }

        return next >= 0 && ready.TryTakeInitial(out slot);
    }

    /// <summary>Asks back-pressure before a held source starts; wakes every worker that stood down when the last one had to go on.</summary>
    private bool StandsDown(int next)
    {
        if (backPressure.StandsDown(ref slots, next, out bool wakeAll))
        {
            return true;
        }

        while (wakeAll && backPressure.TryWake())
        {
            StartWorker();
        }

        return false;
    }

    private bool HasReady() => ready.HasAny || guard is { Retries.IsEmpty: false };

    private enum TaskStep
    {
        NotStarted,
        Completed,

        /// <summary>Completed, and counted rather than told to the sampling observers (see <see cref="TaskPace"/>).</summary>
        CompletedCounted,
        Awaiting,
        Failed,

        /// <summary>The attempt failed and the task has retries left: it runs again after its delay.</summary>
        Retrying,

        /// <summary>The attempt is the executor's (see <see cref="HandOver"/>): its report goes on from there.</summary>
        HandedOver,
    }
}

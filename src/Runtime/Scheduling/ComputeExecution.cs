using TaskGraph.Execution;

namespace TaskGraph.Scheduling;

/// <summary>
/// Where a compute's tasks run, as its scheduler decides: on the core's own workers (on the thread pool, or
/// on the calling thread only), or handed to the executor that <see cref="Executors"/> creates.
/// </summary>
internal readonly struct ComputeExecution
{
    internal ComputeExecution(bool onCallerThread, TaskExecutorScheduler? executors)
    {
        OnCallerThread = onCallerThread;
        Executors = executors;
    }

    /// <summary>One task at a time, on the calling thread of a blocking compute, in an order that is the same on every run.</summary>
    internal bool OnCallerThread { get; }

    /// <summary>Creates the executor that runs every task, or <see langword="null"/>: tasks run on the core's workers.</summary>
    internal TaskExecutorScheduler? Executors { get; }
}

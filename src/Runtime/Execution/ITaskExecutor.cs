using System;

namespace TaskGraph.Execution;

/// <summary>
/// Runs the tasks of one compute that a <see cref="TaskExecutorScheduler"/> hands over. Called from any
/// thread, concurrently.
/// </summary>
public interface ITaskExecutor : IAsyncDisposable
{
    /// <summary>
    /// Takes a task whose inputs are all finished (one call per attempt), as soon as it is ready: how many
    /// run at once is the executor's choice (see <see cref="ExecutorContext.MaxDegreeOfParallelism"/>). Must return quickly (queue it);
    /// the executor then reports back exactly once through the task (<see cref="ReadyTask.Complete"/>,
    /// <see cref="ReadyTask.Fail"/> or <see cref="ReadyTask.Cancel"/>). An exception thrown here fails the attempt.
    /// </summary>
    /// <param name="task">The task and its inputs.</param>
    void Execute(ReadyTask task);

    /// <summary>
    /// The core released a finished task's result (its last consumer finished, and it is not a target): an
    /// executor that keeps results elsewhere may drop them now. Default: nothing.
    /// </summary>
    /// <param name="task">The last attempt of the released task.</param>
    void Release(ReadyTask task)
    {
    }
}

using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Execution;

namespace TaskGraph.Tests.Execution;

/// <summary>
/// An executor outside the runtime assembly, as a user would write one: runs each handed-over task on the
/// thread pool, at most the compute's MaxDegreeOfParallelism at once, with <see cref="ReadyTask.InvokeLocallyAsync"/> and reports the outcome. Records what it saw.
/// </summary>
internal sealed class PoolExecutorScheduler : TaskExecutorScheduler
{
    /// <summary>Every attempt handed over, in order.</summary>
    public ConcurrentQueue<ReadyTask> Executed { get; } = new();

    /// <summary>Keys of released tasks, in order.</summary>
    public ConcurrentQueue<string> Released { get; } = new();

    /// <summary>The context of the last executor created.</summary>
    public ExecutorContext? Context { get; private set; }

    /// <summary>Attempts handed over and not yet reported when the last executor was disposed (-1: not disposed).</summary>
    public int RunningAtDispose { get; private set; } = -1;

    /// <summary>Runs a task instead of <see cref="ReadyTask.InvokeLocallyAsync"/> (its value or exception is reported).</summary>
    public Func<ReadyTask, Task<object?>>? Run { get; init; }

    public override string ToString() => "Executor";

    // "protected internal": this assembly sees the runtime's internals; a user's assembly writes "protected override".
    protected internal override ITaskExecutor CreateExecutor(ExecutorContext context)
    {
        Context = context;
        return new Executor(this, context.MaxDegreeOfParallelism);
    }

    private sealed class Executor : ITaskExecutor
    {
        private readonly PoolExecutorScheduler owner;
        private readonly int limit;
        private readonly ConcurrentQueue<ReadyTask> waiting = new();

        /// <summary>Attempts on the pool: at most <see cref="limit"/>, the compute's MaxDegreeOfParallelism, as the contract asks of an executor.</summary>
        private int running;

        /// <summary>Attempts handed over and not yet reported.</summary>
        private int unreported;

        internal Executor(PoolExecutorScheduler owner, int limit)
        {
            this.owner = owner;
            this.limit = limit;
        }

        public void Execute(ReadyTask task)
        {
            owner.Executed.Enqueue(task);
            Interlocked.Increment(ref unreported);
            waiting.Enqueue(task);
            StartWaiting();
        }

        public void Release(ReadyTask task) => owner.Released.Enqueue(task.Key);

        public ValueTask DisposeAsync()
        {
            owner.RunningAtDispose = Volatile.Read(ref unreported);
            return ValueTask.CompletedTask;
        }

        // Both sides write before they read (enqueue, then read running; decrement running, then read the queue), with full fences, so no waiting attempt is left behind.
        private void StartWaiting()
        {
            while (!waiting.IsEmpty)
            {
                int count = Volatile.Read(ref running);
                if (count >= limit)
                {
                    return;
                }

                if (Interlocked.CompareExchange(ref running, count + 1, count) != count)
                {
                    continue;
                }

                if (waiting.TryDequeue(out ReadyTask? task))
                {
                    ThreadPool.UnsafeQueueUserWorkItem(_ => _ = RunAsync(task), null);
                }
                else
                {
                    Interlocked.Decrement(ref running);
                }
            }
        }

        private async Task RunAsync(ReadyTask task)
        {
            object? result;
            try
            {
                result = owner.Run is { } run ? await run(task) : await task.InvokeLocallyAsync();
            }
            catch (OperationCanceledException) when (task.CancellationToken.IsCancellationRequested)
            {
                Report(task.Cancel);
                return;
            }
            catch (Exception exception)
            {
                Report(() => task.Fail(exception));
                return;
            }

            Report(() => task.Complete(result));
        }

        // Counted down before the report: the report may finish the compute, which then disposes this executor.
        private void Report(Action report)
        {
            Interlocked.Decrement(ref unreported);
            Interlocked.Decrement(ref running);
            StartWaiting();
            report();
        }
    }
}

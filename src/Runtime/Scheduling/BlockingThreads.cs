using System;
using System.Collections.Concurrent;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// Threads for <see cref="DelayedAttribute.Blocking"/> tasks, outside the thread pool so that blocked
/// calls neither count against a compute's parallelism nor starve the pool: every queued item gets a
/// thread at once (an idle one, or a new one). Idle threads leave after <see cref="IdleTimeout"/>.
/// </summary>
internal static class BlockingThreads
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);
    private static readonly ConcurrentQueue<IThreadPoolWorkItem> Work = new();
    private static readonly SemaphoreSlim Wake = new(0);

    /// <summary>Threads waiting for work that no queued item has claimed yet.</summary>
    private static int idle;

    /// <summary>Runs <paramref name="item"/> on a blocking thread. The item must not throw.</summary>
    internal static void Run(IThreadPoolWorkItem item)
    {
        Work.Enqueue(item);
        if (TryTakeOne(ref idle))
        {
            Wake.Release();
            return;
        }

        new Thread(static () => Serve()) { IsBackground = true, Name = "TaskGraph blocking task" }.Start();
    }

    private static void Serve()
    {
        while (true)
        {
            while (Work.TryDequeue(out IThreadPoolWorkItem? item))
            {
                item.Execute();
            }

            Interlocked.Increment(ref idle);
            while (!Wake.Wait(IdleTimeout))
            {
                // Leave only if no item has claimed this thread meanwhile; if one has, its wake-up is on the way.
                if (TryTakeOne(ref idle))
                {
                    return;
                }
            }
        }
    }

    private static bool TryTakeOne(ref int count)
    {
        int seen = Volatile.Read(ref count);
        while (seen > 0)
        {
            int before = Interlocked.CompareExchange(ref count, seen - 1, seen);
            if (before == seen)
            {
                return true;
            }

            seen = before;
        }

        return false;
    }
}

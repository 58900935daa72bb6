using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace TaskGraph.Dashboard;

/// <summary>
/// What the observer callbacks saw, recorded without a lock or an allocation per event: each thread appends to
/// a log of its own (chunks of events, recycled), and the push loop alone reads the logs, merging what it reads
/// by timestamp.
/// </summary>
/// <remarks>
/// Invariants. A thread's log has one writer (that thread) and one reader (the push loop, under the dashboard's
/// lock). A slot is written before the chunk's count that publishes it. A log is in timestamp order (one thread,
/// a monotonic clock). A read takes only the events stamped before the moment it began: an event stamped later
/// may follow one that is still being written on another thread (a task's completion there after its start
/// here), so it waits for the next read; hence every event is applied after every event that happened before it.
/// </remarks>
internal sealed class EventLog
{
    /// <summary>Events per chunk: 512 of about 56 bytes stays below the large-object heap.</summary>
    private const int ChunkSize = 512;

    private readonly ThreadLocal<ThreadLog> own;
    private readonly List<ThreadLog> logs = new();
    private readonly ConcurrentQueue<Chunk> spare = new();

    internal EventLog() => own = new ThreadLocal<ThreadLog>(Register);

    /// <summary>Appends <paramref name="happened"/> to the calling thread's log.</summary>
    internal void Add(in DashboardEvent happened) => own.Value!.Add(happened, this);

    /// <summary>Hands every event stamped before now to <paramref name="apply"/>, oldest first (the push loop only).</summary>
    internal void Drain(Action<DashboardEvent> apply)
    {
        long cut = Stopwatch.GetTimestamp();
        ThreadLog[] readers;
        lock (logs)
        {
            readers = logs.ToArray();
        }

        // The log with the earliest event gives every event up to the next log's first (threads write in runs).
        while (Earliest(readers, cut, out long until) is { } log)
        {
            do
            {
                apply(log.Next());
            }
            while (log.HasAny(until, this));
        }

        // A thread that ended leaves its log behind until everything in it has been read, however late stamped.
        lock (logs)
        {
            logs.RemoveAll(log => !log.Writer.IsAlive && !log.HasAny(long.MaxValue, this));
        }
    }

    private ThreadLog Register()
    {
        var log = new ThreadLog(Thread.CurrentThread, Rent());
        lock (logs)
        {
            logs.Add(log);
        }

        return log;
    }

    private Chunk Rent() => spare.TryDequeue(out Chunk? chunk) ? chunk : new Chunk();

    private void Recycle(Chunk chunk)
    {
        // Cleared, so that a recycled chunk holds no compute, task or error alive.
        Array.Clear(chunk.Events);
        chunk.Next = null;
        chunk.Count = 0;
        spare.Enqueue(chunk);
    }

    /// <summary>The log whose next event is the earliest before <paramref name="cut"/>, and the bound below which its events come before every other log's.</summary>
    private ThreadLog? Earliest(ThreadLog[] readers, long cut, out long until)
    {
        ThreadLog? earliest = null;
        long stamp = cut;
        until = cut;
        foreach (ThreadLog log in readers)
        {
            if (!log.HasAny(cut, this))
            {
                continue;
            }

            if (log.NextStamp < stamp)
            {
                until = stamp;
                earliest = log;
                stamp = log.NextStamp;
            }
            else if (log.NextStamp < until)
            {
                until = log.NextStamp;
            }
        }

        // Stamps equal to the runner-up's may go first: their order is no happened-before.
        until = until == cut ? cut : until + 1;
        return earliest;
    }

    private sealed class Chunk
    {
        internal readonly DashboardEvent[] Events = new DashboardEvent[ChunkSize];
        internal int Count;
        internal Chunk? Next;
    }

    /// <summary>One thread's events: the writer appends at the tail chunk, the reader reads from the head chunk.</summary>
    private sealed class ThreadLog
    {
        private Chunk writing;
        private Chunk reading;
        private int read;

        internal ThreadLog(Thread writer, Chunk first)
        {
            Writer = writer;
            writing = reading = first;
        }

        internal Thread Writer { get; }

        /// <summary>The stamp of the event <see cref="Next"/> returns (valid after <see cref="HasAny"/> said so).</summary>
        internal long NextStamp => reading.Events[read].Timestamp;

        internal void Add(in DashboardEvent happened, EventLog owner)
        {
            Chunk chunk = writing;
            int count = chunk.Count;
            chunk.Events[count] = happened;
            Volatile.Write(ref chunk.Count, count + 1);
            if (count + 1 == ChunkSize)
            {
                Chunk next = owner.Rent();
                writing = next;
                Volatile.Write(ref chunk.Next, next);
            }
        }

        /// <summary>Whether an event stamped before <paramref name="cut"/> is there to read; moves past (and recycles) a chunk read to its end.</summary>
        internal bool HasAny(long cut, EventLog owner)
        {
            if (read == ChunkSize && Volatile.Read(ref reading.Next) is { } next)
            {
                owner.Recycle(reading);
                reading = next;
                read = 0;
            }

            return read < Volatile.Read(ref reading.Count) && reading.Events[read].Timestamp < cut;
        }

        internal ref readonly DashboardEvent Next() => ref reading.Events[read++];
    }
}

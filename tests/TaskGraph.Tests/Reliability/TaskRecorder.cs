using System;
using System.Threading;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// What the tasks of one graph did, on one clock: an Interlocked sequence number for every start, end and
/// observed failure, so that "before" and "after" are exact whatever the threads did.
/// </summary>
internal sealed class TaskRecorder
{
    private readonly long[] startedAt;
    private readonly long[] endedAt;
    private readonly int[] starts;
    private long clock;
    private int running;
    private int started;
    private int ended;

    public TaskRecorder(int nodeCount)
    {
        startedAt = new long[nodeCount];
        endedAt = new long[nodeCount];
        starts = new int[nodeCount];
    }

    /// <summary>Called at every task start with the number of tasks started so far (this one included).</summary>
    public Action<int>? OnStart { get; init; }

    public int Running => Volatile.Read(ref running);

    public int Started => Volatile.Read(ref started);

    public int Ended => Volatile.Read(ref ended);

    /// <summary>The next sequence number.</summary>
    public long Tick() => Interlocked.Increment(ref clock);

    public void Enter(int node)
    {
        Interlocked.Increment(ref starts[node]);
        Interlocked.Increment(ref running);
        int count = Interlocked.Increment(ref started);
        Volatile.Write(ref startedAt[node], Tick());
        OnStart?.Invoke(count);
    }

    public void Leave(int node)
    {
        Volatile.Write(ref endedAt[node], Tick());
        Interlocked.Increment(ref ended);
        Interlocked.Decrement(ref running);
    }

    /// <summary>When node <paramref name="node"/> last started; 0 if it never did.</summary>
    public long StartedAt(int node) => Volatile.Read(ref startedAt[node]);

    /// <summary>When node <paramref name="node"/> last ended; 0 if it never did.</summary>
    public long EndedAt(int node) => Volatile.Read(ref endedAt[node]);

    /// <summary>How many times node <paramref name="node"/> started.</summary>
    public int Starts(int node) => Volatile.Read(ref starts[node]);
}

using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using TaskGraph;

namespace FlightsEtl.Stages;

/// <summary>Adds up how long the graph's tasks ran (per-task durations, summed over threads).</summary>
public sealed class TaskTimer : IComputeObserver
{
    private readonly ConcurrentDictionary<DelayedNode, long> started = new();
    private long totalTicks;

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref totalTicks));

    public void OnTaskStarted(ComputeInfo compute, DelayedNode task) => started[task] = Stopwatch.GetTimestamp();

    public void OnTaskCompleted(ComputeInfo compute, DelayedNode task)
    {
        if (started.TryRemove(task, out long start))
        {
            Interlocked.Add(ref totalTicks, Stopwatch.GetTimestamp() - start);
        }
    }
}

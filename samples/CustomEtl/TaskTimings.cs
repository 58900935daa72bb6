using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using TaskGraph;

namespace CustomEtl;

/// <summary>Records how long each task of a compute ran, to find the critical path afterwards.</summary>
public sealed class TaskTimings : IComputeObserver
{
    private readonly ConcurrentDictionary<DelayedNode, long> started = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<DelayedNode, TimeSpan> durations = new(ReferenceEqualityComparer.Instance);

    /// <summary>The measured duration of a finished task; zero for constants and tasks that did not run.</summary>
    public TimeSpan DurationOf(DelayedNode task) => durations.TryGetValue(task, out TimeSpan duration) ? duration : TimeSpan.Zero;

    /// <summary>How many tasks finished.</summary>
    public int Count => durations.Count;

    void IComputeObserver.OnTaskStarted(ComputeInfo compute, DelayedNode task) => started[task] = Stopwatch.GetTimestamp();

    void IComputeObserver.OnTaskCompleted(ComputeInfo compute, DelayedNode task)
    {
        if (started.TryGetValue(task, out long start))
        {
            durations[task] = Stopwatch.GetElapsedTime(start);
        }
    }
}

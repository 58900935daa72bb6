using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using TaskGraph;

namespace FlightsEtl;

/// <summary>
/// Watches a compute of the flights graph: maps each task to its <see cref="PipelineStage"/> by method
/// name, advances that stage's bar as tasks finish, and records each stage's span, from its first
/// task's start to its last task's end (stages overlap in a graph; the spans show by how much).
/// </summary>
internal sealed class StageObserver : IComputeObserver
{
    private readonly long[] firstStart = new long[PipelineStages.All.Length];
    private readonly long[] lastEnd = new long[PipelineStages.All.Length];
    private readonly IReadOnlyDictionary<PipelineStage, IStageProgress> bars;

    /// <param name="bars">The bars advanced by one per finished task, by stage; stages without one are only timed.</param>
    public StageObserver(IReadOnlyDictionary<PipelineStage, IStageProgress> bars) => this.bars = bars;

    /// <summary>The span of every stage that ran.</summary>
    public Dictionary<PipelineStage, TimeSpan> StageTimes()
    {
        var times = new Dictionary<PipelineStage, TimeSpan>();
        foreach (var stage in PipelineStages.All)
        {
            long start = Volatile.Read(ref firstStart[(int)stage]);
            long end = Volatile.Read(ref lastEnd[(int)stage]);
            if (start != 0 && end != 0)
            {
                times[stage] = Stopwatch.GetElapsedTime(start, end);
            }
        }

        return times;
    }

    public void OnTaskStarted(ComputeInfo compute, DelayedNode task)
    {
        if (PipelineStages.OfMethod(task.Method?.Name) is { } stage)
        {
            Interlocked.CompareExchange(ref firstStart[(int)stage], Stopwatch.GetTimestamp(), 0);
        }
    }

    public void OnTaskCompleted(ComputeInfo compute, DelayedNode task)
    {
        if (PipelineStages.OfMethod(task.Method?.Name) is not { } stage)
        {
            return;
        }

        long now = Stopwatch.GetTimestamp();
        long seen = Volatile.Read(ref lastEnd[(int)stage]);
        while (now > seen)
        {
            long previous = Interlocked.CompareExchange(ref lastEnd[(int)stage], now, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }

        if (bars.TryGetValue(stage, out var bar))
        {
            bar.Advance(1);
        }
    }
}

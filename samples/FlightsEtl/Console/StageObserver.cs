using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using TaskGraph;

namespace FlightsEtl;

/// <summary>
/// Watches the computes of the flights graph: maps each task to its <see cref="PipelineStage"/> by method
/// name, advances that stage's bar as tasks finish, and records each stage's span, from its first task's
/// start to its last task's end (stages overlap in a graph; the spans show by how much).
/// </summary>
internal sealed class StageObserver : IComputeObserver
{
    private readonly long[] firstStart = new long[PipelineStages.All.Length];
    private readonly long[] lastEnd = new long[PipelineStages.All.Length];
    private readonly Dictionary<PipelineStage, IStageProgress> bars = new();
    private readonly IJobProgress progress;
    private RowProgress? loadedRows;
    private int reused;

    /// <summary>Shows the bars of the first compute (read, statistics, imputation) of <paramref name="files"/> files; the computes report to <paramref name="others"/> too.</summary>
    public StageObserver(IJobProgress progress, int files, IReadOnlyList<IComputeObserver>? others = null)
    {
        this.progress = progress;
        bars[PipelineStage.ReadAndParse] = progress.StartStage("Read & parse (tasks)", files);
        bars[PipelineStage.Statistics] = progress.StartStage("Statistics (tasks)", files + 1L);
        bars[PipelineStage.Impute] = progress.StartStage("Impute (tasks)", files + 1L);
        Options = new ComputeOptions { Observers = [this, .. others ?? []] };
    }

    /// <summary>Compute options that report to this observer.</summary>
    public ComputeOptions Options { get; }

    /// <summary>Tasks whose stored result was reused instead of run (<c>--resume</c>), in every compute watched.</summary>
    public int Reused => Volatile.Read(ref reused);

    /// <summary>The load's row counter, which advances the load's bar; set by <see cref="ExpectBatches"/>.</summary>
    public IProgress<long>? LoadedRows => loadedRows;

    /// <summary>Completes the first compute's bars and shows the second's: <paramref name="batches"/> transforms, then <paramref name="rows"/> rows loaded.</summary>
    public void ExpectBatches(int batches, long rows)
    {
        CompleteBars();
        bars[PipelineStage.Transform] = progress.StartStage("Transform (batches)", batches);
        loadedRows = new RowProgress(progress.StartStage("Load (rows)", rows));
    }

    /// <summary>Completes every bar shown.</summary>
    public void Complete()
    {
        CompleteBars();
        loadedRows?.Bar.Complete();
    }

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

    /// <summary>A reused task is done for its stage's bar (it has no span: it did not run).</summary>
    public void OnTaskReused(ComputeInfo compute, DelayedNode task)
    {
        Interlocked.Increment(ref reused);
        if (PipelineStages.OfMethod(task.Method?.Name) is { } stage && bars.TryGetValue(stage, out var bar))
        {
            bar.Advance(1);
        }
    }

    private void CompleteBars()
    {
        foreach (var bar in bars.Values.ToArray())
        {
            bar.Complete();
        }
    }

    /// <summary>Turns the loader's running total of inserted rows into bar increments.</summary>
    private sealed class RowProgress(IStageProgress bar) : IProgress<long>
    {
        private long reported;

        public IStageProgress Bar => bar;

        public void Report(long value)
        {
            long previous = Interlocked.Exchange(ref reported, value);
            bar.Advance(value - previous);
        }
    }
}

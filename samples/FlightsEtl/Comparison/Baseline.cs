using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace FlightsEtl;

/// <summary>
/// The seed's comparison points, kept out of the graph's way: the same <see cref="FlightsGraph"/> methods
/// called directly, stage by stage, either in a plain loop or through a fixed pool of blocking workers (the
/// seed's <c>ProcessPoolExecutor(4).map</c>, here <c>Parallel.For</c> with 4 workers). Each stage finishes
/// before the next starts, so its wall time is measured on its own. Both load with the graph's own
/// <see cref="SqliteLoader.Replace"/> into a scratch table (SQLite has one writer), dropped afterwards.
/// </summary>
public sealed class Baseline
{
    private readonly Action<int, Action<int>, CancellationToken> forEach;

    private Baseline(string name, Action<int, Action<int>, CancellationToken> forEach)
    {
        Name = name;
        this.forEach = forEach;
    }

    /// <summary>The sequential baseline's name in reports.</summary>
    public const string SequentialName = "Sequential";

    /// <summary>The engine's name in reports.</summary>
    public string Name { get; }

    /// <summary>A plain sequential loop.</summary>
    public static Baseline Sequential() => new(SequentialName, static (count, body, cancellationToken) =>
    {
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            body(i);
        }
    });

    /// <summary>A pool of <paramref name="workers"/> blocking workers.</summary>
    public static Baseline Pool(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        return new($"Pool ({workers} workers)", (count, body, cancellationToken) =>
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, body));
    }

    /// <summary>The table a baseline's load writes (dropped afterwards, and before, in case a killed run left it).</summary>
    public static SqliteTarget ScratchTarget(SqliteTarget target) => new(target.DatabasePath, target.Table + "_baseline");

    /// <summary>Runs every stage, reporting one step per stage.</summary>
    public PipelineRun Run(PipelineInputs inputs, IJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(progress);
        var stageTimes = new Dictionary<PipelineStage, TimeSpan>();
        var bar = progress.StartStage($"{Name} baseline (stages)", PipelineStages.All.Length);
        long started = Stopwatch.GetTimestamp();
        var files = inputs.Files;

        var columns = new DelayColumn[files.Count];
        Time(PipelineStage.ReadAndParse, () => forEach(files.Count, i =>
            columns[i] = FlightsGraph.ReadDelays(files[i], inputs.Read, cancellationToken), cancellationToken));

        var summaries = new DelaySummary[files.Count];
        DelaySummary total = DelaySummary.Empty;
        Time(PipelineStage.Statistics, () =>
        {
            forEach(files.Count, i => summaries[i] = FlightsGraph.Summarize(columns[i]), cancellationToken);
            total = FlightsGraph.MergeSummaries(summaries);
        });

        var imputed = new long[files.Count][];
        long[] values = Array.Empty<long>();
        Time(PipelineStage.Impute, () =>
        {
            forEach(files.Count, i => imputed[i] = FlightsGraph.Impute(columns[i], total), cancellationToken);
            values = FlightsGraph.Concatenate(imputed);
        });

        var batches = BatchTransform.Split(values, inputs.BatchSize);
        var transformed = new long[batches.Count][];
        Time(PipelineStage.Transform, () => forEach(batches.Count, j =>
            transformed[j] = FlightsGraph.TransformWithLatency(batches[j], inputs.LatencyPerRow, cancellationToken), cancellationToken));

        long loadedRows = 0;
        var scratch = ScratchTarget(inputs.Target);
        Time(PipelineStage.Load, () =>
        {
            long loaded = FlightsGraph.Load(transformed, scratch, null, cancellationToken);
            loadedRows = FlightsGraph.CheckRowCount(loaded, total.Rows, scratch);
        });
        SqliteLoader.DropTable(scratch);

        bar.Complete();
        return new PipelineRun(Name, total, batches.Count, loadedRows, stageTimes, Stopwatch.GetElapsedTime(started));

        void Time(PipelineStage stage, Action run)
        {
            long stageStarted = Stopwatch.GetTimestamp();
            run();
            stageTimes[stage] = Stopwatch.GetElapsedTime(stageStarted);
            bar.Advance(1);
        }
    }
}

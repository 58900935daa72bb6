using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace FlightsEtl;

/// <summary>
/// The seed's comparison points: the same <see cref="FlightsPipeline"/> functions run stage by stage,
/// either in a plain loop or through a fixed pool of blocking workers (the seed's
/// <c>ProcessPoolExecutor(4).map</c>, here <c>Parallel.For</c> with 4 workers). Each stage finishes
/// before the next starts, so its wall time is measured on its own.
/// </summary>
public sealed class Baseline
{
    private readonly Action<int, Action<int>, CancellationToken> forEach;
    private readonly bool load;

    private Baseline(string name, Action<int, Action<int>, CancellationToken> forEach, bool load)
    {
        Name = name;
        this.forEach = forEach;
        this.load = load;
    }

    /// <summary>The sequential baseline's name in reports.</summary>
    public const string SequentialName = "Sequential";

    /// <summary>The engine's name in reports.</summary>
    public string Name { get; }

    /// <summary>
    /// A plain sequential loop; its load is the bare loop of the same prepared insert in the same chunked
    /// transactions (<see cref="SqliteLoader.InsertOnly"/>, into a scratch table): the database's own cost,
    /// against which the graph's load (staging, swap, progress, scheduling) is compared.
    /// </summary>
    public static Baseline Sequential() => new(SequentialName, static (count, body, cancellationToken) =>
    {
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            body(i);
        }
    }, load: true);

    /// <summary>A pool of <paramref name="workers"/> blocking workers; SQLite has one writer, so it does not load.</summary>
    public static Baseline Pool(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        return new($"Pool ({workers} workers)", (count, body, cancellationToken) =>
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, body),
            load: false);
    }

    /// <summary>The table a baseline's load writes (and drops afterwards).</summary>
    public static SqliteTarget ScratchTarget(SqliteTarget target) => new(target.DatabasePath, target.Table + "_baseline");

    /// <summary>Runs every stage, reporting one step per stage.</summary>
    public PipelineRun Run(PipelineInputs inputs, IJobProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(progress);
        var stageTimes = new Dictionary<PipelineStage, TimeSpan>();
        var bar = progress.StartStage($"{Name} baseline", load ? PipelineStages.All.Length : PipelineStages.All.Length - 1);
        long started = Stopwatch.GetTimestamp();
        var files = inputs.Files;

        var columns = new DelayColumn[files.Count];
        Time(PipelineStage.ReadAndParse, () => forEach(files.Count, i =>
            columns[i] = FlightsPipeline.SelectDelays(FlightsPipeline.ReadFlights(files[i], inputs.Read, cancellationToken)), cancellationToken));

        var summaries = new DelaySummary[files.Count];
        DelaySummary total = DelaySummary.Empty;
        Time(PipelineStage.Statistics, () =>
        {
            forEach(files.Count, i => summaries[i] = FlightsPipeline.Summarize(columns[i]), cancellationToken);
            total = FlightsPipeline.MergeSummaries(summaries);
        });

        var imputed = new int[files.Count][];
        int[] values = Array.Empty<int>();
        Time(PipelineStage.Impute, () =>
        {
            forEach(files.Count, i => imputed[i] = FlightsPipeline.Impute(columns[i], total), cancellationToken);
            values = FlightsPipeline.Concatenate(imputed);
        });

        var batches = BatchTransform.Split(values, inputs.BatchSize);
        var transformed = new int[batches.Count][];
        Time(PipelineStage.Transform, () => forEach(batches.Count, j =>
            transformed[j] = FlightsPipeline.TransformWithLatency(batches[j], inputs.LatencyPerRow, cancellationToken), cancellationToken));

        long? loadedRows = null;
        if (load)
        {
            var scratch = ScratchTarget(inputs.Target);
            Time(PipelineStage.Load, () =>
            {
                long loaded = SqliteLoader.InsertOnly(scratch, transformed, SqliteLoader.DefaultChunkRows, cancellationToken);
                loadedRows = FlightsPipeline.CheckRowCount(loaded, total.Rows, scratch);
            });
            SqliteLoader.DropTable(scratch);
        }

        bar.Complete();
        var extract = stageTimes[PipelineStage.ReadAndParse] + stageTimes[PipelineStage.Statistics] + stageTimes[PipelineStage.Impute];
        return new PipelineRun(Name, total, batches.Count, loadedRows, stageTimes, extract, Stopwatch.GetElapsedTime(started));

        void Time(PipelineStage stage, Action run)
        {
            long stageStarted = Stopwatch.GetTimestamp();
            run();
            stageTimes[stage] = Stopwatch.GetElapsedTime(stageStarted);
            bar.Advance(1);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;

namespace FlightsEtl.Stages;

/// <summary>The stages as each engine runs them; each returns its summed per-task (per-file) time.</summary>
public static class StageRuns
{
    /// <summary>The read-and-parse engines, in the sample's order.</summary>
    public static readonly string[] ReadEngines = { "Sequential", "TaskGraph", "Pool (4 workers)" };

    /// <summary>
    /// The load variants: the bare loop of the sample's 64-row raw insert (the reference), the same with one row per
    /// statement, the per-row SqliteCommand the sample used before, the sample's loader called directly, and the graph's load.
    /// </summary>
    public static readonly string[] LoadEngines = { "Bare insert loop", "Raw, 1 row a statement", "Per-row SqliteCommand", "SqliteLoader.Replace", "TaskGraph" };

    public static TimeSpan Read(string engine, IReadOnlyList<string> files, FlightReadOptions options, DelayColumn[] columns)
    {
        switch (engine)
        {
            case "TaskGraph":
            {
                var timer = new TaskTimer();
                var read = files.Select(file => FlightsGraph.ReadDelaysDelayed(file, options));
                Delayed.Compute(read, Observed(timer)).CopyTo(columns, 0);
                return timer.Total;
            }

            default:
                return TimedLoop(files.Count, i => columns[i] = ReadOne(files[i], options), Loop(engine));
        }
    }

    /// <summary>The plain loop of the sequential engine, or the pool's 4 blocking workers.</summary>
    public static Action<int, Action<int>> Loop(string engine) => engine == "Sequential"
        ? static (count, body) =>
        {
            for (int i = 0; i < count; i++)
            {
                body(i);
            }
        }
        : static (count, body) => Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, body);

    public static TimeSpan Load(string engine, IReadOnlyList<long[]> batches, long rows, SqliteTarget target)
    {
        if (engine == "TaskGraph")
        {
            var timer = new TaskTimer();
            var loaded = FlightsGraph.LoadDelayed(Delayed.Value<IReadOnlyList<long[]>>(batches), target, Delayed.Value<IProgress<long>?>(null));
#pragma warning disable TG1001 // A chain on purpose: this measures what TaskGraph adds to the load stage against the bare loop.
            FlightsGraph.CheckRowCountDelayed(loaded, rows, target).Compute(Observed(timer));
#pragma warning restore TG1001
            return timer.Total;
        }

        long started = Stopwatch.GetTimestamp();
        long written = engine switch
        {
            "Bare insert loop" => BareInserts.Raw(target.DatabasePath, target.Table, batches, SqliteLoader.RowsPerStatement),
            "Raw, 1 row a statement" => BareInserts.Raw(target.DatabasePath, target.Table, batches, 1),
            "Per-row SqliteCommand" => BareInserts.PerRowCommand(target.DatabasePath, target.Table, batches),
            _ => SqliteLoader.Replace(target, batches),
        };
        FlightsGraph.CheckRowCount(written, rows, target);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Options that time every task with <paramref name="timer"/>.</summary>
    public static ComputeOptions Observed(TaskTimer timer) => new() { Observers = new IComputeObserver[] { timer } };

    private static DelayColumn ReadOne(string file, FlightReadOptions options)
        => FlightsGraph.ReadDelays(file, options, CancellationToken.None);

    public static TimeSpan TimedLoop(int count, Action<int> body, Action<int, Action<int>> loop)
    {
        long ticks = 0;
        loop(count, i =>
        {
            long started = Stopwatch.GetTimestamp();
            body(i);
            Interlocked.Add(ref ticks, Stopwatch.GetTimestamp() - started);
        });
        return Stopwatch.GetElapsedTime(0, ticks);
    }
}

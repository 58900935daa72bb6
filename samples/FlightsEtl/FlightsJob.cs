using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FlightsEtl;

/// <summary>
/// The whole flights job, callable in-process: the data (generated once, then reused), the TaskGraph
/// pipeline into SQLite, then the sequential and pool baselines over the same stages, whose results
/// must agree with the graph's exactly.
/// </summary>
public static class FlightsJob
{
    /// <summary>Runs the job.</summary>
    /// <exception cref="FlightDataException">A file is malformed (wrapped by the compute's task exception when a task read it).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled; the result table is as it was.</exception>
    public static async Task<FlightsResult> RunAsync(FlightsOptions options, IJobProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var target = new SqliteTarget(options.DatabasePath, options.Table);
        // Before anything is read or written: the database is ours for the run and can be written.
        using var claim = DatabaseClaim.Acquire(target);
        SqliteLoader.CheckWritable(target);
        using var log = new EtlLog(options.LogPath);
        log.Info($"Flights ETL started: data {options.DataDirectory}, database {options.DatabasePath}, table {options.Table}");
        try
        {
            long generationStarted = Stopwatch.GetTimestamp();
            var data = await Task.Run(() => FindData(options, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
            var generationTime = Stopwatch.GetElapsedTime(generationStarted);
            log.Info(data.Reused
                ? $"Reused {data.Files.Count} files in {options.DataDirectory}"
                : $"Generated {data.Files.Count} files, {data.Rows:N0} rows in {generationTime.TotalSeconds:F2} s");

            // On a cluster the files are read by the workers, which cannot call this process's log.
            var read = options.ClusterWorkers > 0 ? new FlightReadOptions(options.SkipBadRows) : new FlightReadOptions(options.SkipBadRows, error => log.Warning($"Skipped a malformed row: {error.Message}"));
            await using var cluster = options.ClusterWorkers > 0 ? await TaskGraph.Orleans.LocalCluster.StartAsync(options.ClusterWorkers, cancellationToken: cancellationToken).ConfigureAwait(false) : null;
            if (cluster is not null)
            {
                log.Info($"Computing the graph on a local cluster of {cluster.Workers} worker processes");
            }

            using var store = options.Resume ? new TaskGraph.Resume.SqliteResultStore(options.ResultStorePath) : null;
            var inputs = new PipelineInputs(data.Files, read, options.BatchSize, options.LatencyPerRow, target, options.Observers, store) { Cluster = cluster };
            if (options.Baselines)
            {
                // The engine timed first would otherwise parse on code the JIT has not optimized yet, and
                // commit the heap that files read side by side need: on 2 cores that first-touch cost
                // took the graph's read stage from 1.35-1.59 s to 1.66-1.95 s (sequential: 2.3-2.9 s).
                await Task.Run(() => WarmUp(data.Files, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            var main = await FlightsGraph.RunAsync(inputs, progress, cancellationToken).ConfigureAwait(false);
            LogRun(log, main);
            if (main.ReusedTasks is { } reused)
            {
                log.Info($"Resumed from {options.ResultStorePath}: {reused} tasks reused");
            }
            log.Info($"Mean DepDelay of non-cancelled flights: {main.Summary.MeanDepDelay.ToString("R", CultureInfo.InvariantCulture)}; standard deviation: {main.Summary.StdDepDelay.ToString("R", CultureInfo.InvariantCulture)}");
            log.Info($"Number of rows in {target.Table} table: {main.LoadedRows}");

            var baselines = new List<PipelineRun>();
            if (options.Baselines)
            {
                foreach (var baseline in new[] { Baseline.Sequential(), Baseline.Pool(options.PoolWorkers) })
                {
                    var run = await Task.Run(() => baseline.Run(inputs, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
                    CheckAgreement(main, run);
                    LogRun(log, run);
                    baselines.Add(run);
                }
            }

            var result = new FlightsResult(data, generationTime, main, baselines, target, options.LatencyPerRow);
            log.Info("ETL process completed successfully");
            return result;
        }
        catch (OperationCanceledException)
        {
            log.Warning("ETL process cancelled; the result table is as it was before the run");
            throw;
        }
        catch (Exception error)
        {
            log.Error($"ETL process failed: {FlightsErrors.Describe(error)}");
            throw;
        }
    }

    /// <summary>
    /// Reads and selects as many files at once as there are cores, untimed and discarded, so that every
    /// engine compared runs optimized code on a heap already grown to hold files read side by side.
    /// </summary>
    private static void WarmUp(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var read = new FlightReadOptions(SkipBadRows: true);
        Parallel.For(
            0,
            WarmUpFiles(files.Count),
            new ParallelOptions { CancellationToken = cancellationToken },
            i => FlightsGraph.ReadDelays(files[i], read, cancellationToken));
    }

    /// <summary>How many of <paramref name="fileCount"/> files the untimed warm-up before the baselines' comparison reads: one per core.</summary>
    public static int WarmUpFiles(int fileCount) => Math.Min(fileCount, Environment.ProcessorCount);

    private static GeneratedData FindData(FlightsOptions options, IJobProgress progress, CancellationToken cancellationToken)
    {
        if (!options.Generate)
        {
            var files = Directory.Exists(options.DataDirectory)
                ? Directory.GetFiles(options.DataDirectory, "*.csv").Order(StringComparer.Ordinal).ToArray()
                : Array.Empty<string>();
            if (files.Length == 0)
            {
                throw new FileNotFoundException($"No *.csv files in '{options.DataDirectory}' (--no-generate reads the files already there).");
            }

            return new GeneratedData(files, Rows: null, Reused: true);
        }

        var settings = new GeneratorSettings(options.DataDirectory, options.Rows, options.Files, options.Seed);
        if (DataGenerator.TryReuse(settings) is { } reused)
        {
            return reused;
        }

        var bar = progress.StartStage("Generate data (rows)", options.Rows);
        var data = DataGenerator.Generate(settings, bar.Advance, cancellationToken);
        bar.Complete();
        return data;
    }

    private static void CheckAgreement(PipelineRun main, PipelineRun other)
    {
        if (other.Summary != main.Summary || other.Batches != main.Batches)
        {
            throw new InvalidOperationException($"{other.Engine} computed {other.Summary} in {other.Batches} batches where {main.Engine} computed {main.Summary} in {main.Batches}.");
        }
    }

    private static void LogRun(EtlLog log, PipelineRun run)
    {
        string stages = string.Join(", ", run.StageTimes.Select(pair => $"{pair.Key.DisplayName()} {pair.Value.TotalSeconds:F3} s"));
        log.Info($"{run.Engine} processing time: {run.Total.TotalSeconds:F2} seconds ({stages})");
    }
}

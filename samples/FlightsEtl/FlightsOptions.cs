using System;
using System.Collections.Generic;

namespace FlightsEtl;

/// <summary>Everything the flights job can be told; the defaults are the README's main job. <see cref="CommandLine"/> parses them.</summary>
public sealed record FlightsOptions
{
    /// <summary>The seed's row count.</summary>
    public const long SeedRows = 2_611_892;

    /// <summary>The notebook's simulated latency per transformed value: <c>time.sleep(0.01 * len(numbers))</c>.</summary>
    public static readonly TimeSpan NotebookLatencyPerRow = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How much shorter the default latency is than the notebook's: 2 µs a value instead of 10 ms, so the
    /// sequential loop's transform of the seed's 2,611,892 values takes 5.2 s instead of 7.3 hours.
    /// </summary>
    public const int LatencyScale = 5000;

    /// <summary>Where the CSV files are generated (or read, with <see cref="Generate"/> off).</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Rows to generate, in all files together.</summary>
    public long Rows { get; init; } = SeedRows;

    /// <summary>Files to generate.</summary>
    public int Files { get; init; } = 10;

    /// <summary>The generator's seed.</summary>
    public ulong Seed { get; init; } = 1990;

    /// <summary>Generate the data (or reuse an earlier generation); off: read every <c>*.csv</c> in <see cref="DataDirectory"/> as it is.</summary>
    public bool Generate { get; init; } = true;

    /// <summary>The SQLite database file.</summary>
    public string DatabasePath { get; init; } = "flights.db";

    /// <summary>The result table (a plain identifier).</summary>
    public string Table { get; init; } = "flights";

    /// <summary>Simulated latency per transformed row: the notebook's, scaled down by <see cref="LatencyScale"/>.</summary>
    public TimeSpan LatencyPerRow { get; init; } = NotebookLatencyPerRow / LatencyScale;

    /// <summary>Rows per transform batch.</summary>
    public int BatchSize { get; init; } = BatchTransform.DefaultBatchSize;

    /// <summary>Workers of the pool baseline.</summary>
    public int PoolWorkers { get; init; } = 4;

    /// <summary>Run the sequential and pool baselines after the main job.</summary>
    public bool Baselines { get; init; } = true;

    /// <summary>Count and skip malformed rows instead of failing.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>The log file; <see langword="null"/> for none.</summary>
    public string? LogPath { get; init; } = "etl.log";

    /// <summary>
    /// Keep each finished transform batch in <see cref="ResultStorePath"/> and reuse what an earlier run of the same
    /// batches (killed, failed or finished) stored, so that a rerun transforms only the batches still missing.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>The result store of <see cref="Resume"/>: beside the database, named after it. Delete it to start over.</summary>
    public string ResultStorePath => DatabasePath + ".results";

    /// <summary>No progress and no report on the console.</summary>
    public bool Quiet { get; init; }

    /// <summary>Worker processes of a local cluster that runs the graph (this program started again as Orleans silos on loopback); 0 runs it in this process.</summary>
    public int ClusterWorkers { get; init; }
    /// <summary>The port of the live dashboard (<c>--dashboard</c>); <see langword="null"/> for none.</summary>
    public int? DashboardPort { get; init; }

    /// <summary>More observers of the graph's computes (the dashboard), besides the job's own.</summary>
    public IReadOnlyList<TaskGraph.IComputeObserver> Observers { get; init; } = Array.Empty<TaskGraph.IComputeObserver>();
}

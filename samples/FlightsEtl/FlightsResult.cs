using System;
using System.Collections.Generic;

namespace FlightsEtl;

/// <summary>What a run of the flights job found and how long it took.</summary>
/// <param name="Data">The files read.</param>
/// <param name="GenerationTime">Time spent generating (or checking) the data.</param>
/// <param name="Main">The TaskGraph run, which wrote the result table.</param>
/// <param name="Baselines">The comparison runs (sequential, pool), empty when skipped.</param>
/// <param name="Target">The database and result table.</param>
/// <param name="Latency">The transform's simulated latency per value.</param>
public sealed record FlightsResult(GeneratedData Data, TimeSpan GenerationTime, PipelineRun Main, IReadOnlyList<PipelineRun> Baselines, SqliteTarget Target, TimeSpan Latency)
{
    /// <summary>The merged DepDelay summary.</summary>
    public DelaySummary Summary => Main.Summary;

    /// <summary>Rows in the result table, checked against the input.</summary>
    public long TableRows => Main.LoadedRows;
}

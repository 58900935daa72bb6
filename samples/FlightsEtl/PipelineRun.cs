using System;
using System.Collections.Generic;

namespace FlightsEtl;

/// <summary>What the pipeline needs to run: the files and every setting of the stages.</summary>
/// <param name="Files">The flights files, in order.</param>
/// <param name="Read">How files are read.</param>
/// <param name="BatchSize">Rows per transform batch.</param>
/// <param name="LatencyPerRow">Simulated latency per transformed row.</param>
/// <param name="Target">Where the results are loaded.</param>
/// <param name="Observers">More observers of the graph's computes (the dashboard); <see langword="null"/> for none.</param>
/// <param name="ResultStore">Where the TaskGraph run keeps and finds finished transform batches (<c>--resume</c>); <see langword="null"/>: none.</param>
public sealed record PipelineInputs(IReadOnlyList<string> Files, FlightReadOptions Read, int BatchSize, TimeSpan LatencyPerRow, SqliteTarget Target,
    IReadOnlyList<TaskGraph.IComputeObserver>? Observers = null, TaskGraph.IResultStore? ResultStore = null)
{
    /// <summary>The local cluster that runs the graph (<c>--cluster N</c>), or null for this process.</summary>
    public TaskGraph.Orleans.LocalCluster? Cluster { get; init; }
}

/// <summary>One run of the pipeline by one engine.</summary>
/// <param name="Engine">The engine's name.</param>
/// <param name="Summary">The merged DepDelay summary.</param>
/// <param name="Batches">How many transform batches ran.</param>
/// <param name="LoadedRows">Rows in the loaded table, checked.</param>
/// <param name="StageTimes">Wall time of each stage that ran (from its first task's start to its last task's end).</param>
/// <param name="Total">Wall time of the whole run.</param>
/// <param name="ReusedTasks">Tasks not run because an earlier run's stored result was reused; <see langword="null"/> when the run kept no results.</param>
public sealed record PipelineRun(string Engine, DelaySummary Summary, int Batches, long LoadedRows, IReadOnlyDictionary<PipelineStage, TimeSpan> StageTimes, TimeSpan Total, int? ReusedTasks = null);

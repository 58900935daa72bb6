namespace TaskGraph;

/// <summary>A snapshot of a compute's progress.</summary>
/// <param name="Total">The number of tasks in the compute.</param>
/// <param name="Done">Tasks finished successfully.</param>
/// <param name="Running">Tasks started and not yet finished.</param>
/// <param name="Failed">Tasks that failed.</param>
/// <param name="Reused">Of <paramref name="Done"/>, tasks not run because an earlier compute's stored result was reused.</param>
public readonly record struct ComputeProgress(int Total, int Done, int Running, int Failed, int Reused = 0);

namespace TaskGraph;

/// <summary>How many of a compute's tasks call one method (<see cref="ComputeInfo.TasksPerMethod"/>).</summary>
/// <param name="Method">The method; <see langword="null"/> for the tasks that collect handles into a list.</param>
/// <param name="Tasks">Its tasks in the compute (shared and deduplicated nodes counted once).</param>
public readonly record struct MethodTaskCount(DelayedMethod? Method, int Tasks);

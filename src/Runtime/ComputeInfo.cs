using System;
using System.Collections.Generic;

namespace TaskGraph;

/// <summary>Identifies one compute to observers.</summary>
public sealed class ComputeInfo
{
    internal ComputeInfo(long id, IReadOnlyList<DelayedNode> targets, int taskCount, MethodTaskCount[] tasksPerMethod)
    {
        Id = id;
        Targets = targets;
        TaskCount = taskCount;
        TasksPerMethod = Array.AsReadOnly(tasksPerMethod);
    }

    /// <summary>A number unique to this compute within the process.</summary>
    public long Id { get; }

    /// <summary>The handles whose values the compute returns.</summary>
    public IReadOnlyList<DelayedNode> Targets { get; }

    /// <summary>The number of tasks the compute runs (shared and deduplicated nodes counted once; constants are not tasks).</summary>
    public int TaskCount { get; }

    /// <summary>
    /// How many of the compute's tasks each method has, in the order the methods first appear among the tasks,
    /// counted while the compute was planned (no walk of the graph).
    /// </summary>
    public IReadOnlyList<MethodTaskCount> TasksPerMethod { get; }
}

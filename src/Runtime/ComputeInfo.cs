using System;
using System.Collections.Generic;

namespace TaskGraph;

/// <summary>Identifies one compute to observers.</summary>
public sealed class ComputeInfo
{
    private readonly object gate = new();

    // The compute's task nodes by index, while its plan exists (a compute's arrays go back to shared pools when it ends).
    private Func<int, DelayedNode>? taskNode;
    private IReadOnlyList<MethodTaskCount>? tasksPerMethod;

    internal ComputeInfo(long id, IReadOnlyList<DelayedNode> targets, int taskCount, Func<int, DelayedNode> taskNode)
    {
        Id = id;
        Targets = targets;
        TaskCount = taskCount;
        this.taskNode = taskNode;
    }

    /// <summary>A number unique to this compute within the process.</summary>
    public long Id { get; }

    /// <summary>The handles whose values the compute returns.</summary>
    public IReadOnlyList<DelayedNode> Targets { get; }

    /// <summary>The number of tasks the compute runs (shared and deduplicated nodes counted once; constants are not tasks).</summary>
    public int TaskCount { get; }

    /// <summary>
    /// How many of the compute's tasks each method has, in the order the methods first appear among the tasks,
    /// counted from the compute's plan (no walk of the graph) on the first read and kept for later ones. Read it
    /// while the compute runs, in <see cref="IComputeObserver.OnComputeStarted"/> for instance: the plan is gone
    /// once the compute has finished.
    /// </summary>
    /// <exception cref="InvalidOperationException">The first read comes after the compute finished.</exception>
    public IReadOnlyList<MethodTaskCount> TasksPerMethod
    {
        get
        {
            lock (gate)
            {
                return tasksPerMethod ??= Count();
            }
        }
    }

    /// <summary>Called as the compute ends, before its arrays go back to the pools.</summary>
    internal void PlanGone()
    {
        lock (gate)
        {
            taskNode = null;
        }
    }

    private MethodTaskCount[] Count()
    {
        Func<int, DelayedNode> nodeAt = taskNode
            ?? throw new InvalidOperationException($"Compute {Id} has finished: {nameof(TasksPerMethod)} is counted from its plan, so read it while it runs (in {nameof(IComputeObserver)}.{nameof(IComputeObserver.OnComputeStarted)}, say).");
        var methods = new List<DelayedMethod?>();
        var counts = new List<int>();
        var rowOf = new Dictionary<DelayedMethod, int>(ReferenceEqualityComparer.Instance);
        int collectionRow = -1, lastRow = -1;
        DelayedMethod? last = null;
        for (int i = 0; i < TaskCount; i++)
        {
            // Tasks of one method mostly come together: the last one is checked before the dictionary.
            DelayedMethod? method = nodeAt(i).Method;
            if (lastRow < 0 || !ReferenceEquals(method, last))
            {
                lastRow = method is null ? collectionRow : rowOf.GetValueOrDefault(method, -1);
                if (lastRow < 0)
                {
                    lastRow = methods.Count;
                    methods.Add(method);
                    counts.Add(0);
                    if (method is null)
                    {
                        collectionRow = lastRow;
                    }
                    else
                    {
                        rowOf[method] = lastRow;
                    }
                }

                last = method;
            }

            counts[lastRow]++;
        }

        var result = new MethodTaskCount[methods.Count];
        for (int row = 0; row < result.Length; row++)
        {
            result[row] = new MethodTaskCount(methods[row], counts[row]);
        }

        return result;
    }
}

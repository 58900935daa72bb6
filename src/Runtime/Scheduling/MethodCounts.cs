using System.Collections.Generic;

namespace TaskGraph.Scheduling;

/// <summary>
/// Counts a compute's tasks per method (<see cref="ComputeInfo.TasksPerMethod"/>) as they are added, in the order
/// the methods first appear: the planner adds each task while it holds the node anyway, so an observed compute
/// pays a comparison per task rather than a second pass over its nodes.
/// </summary>
internal sealed class MethodCounts
{
    private readonly List<DelayedMethod?> methods = new();
    private readonly List<int> counts = new();
    private readonly Dictionary<DelayedMethod, int> rowOf = new(ReferenceEqualityComparer.Instance);
    private int collectionRow = -1;
    private int lastRow = -1;
    private DelayedMethod? last;

    /// <summary>The counts of the <paramref name="tasks"/> of a graph a <see cref="Execution.GraphScheduler"/> runs.</summary>
    internal static MethodTaskCount[] Of(IReadOnlyList<Execution.ExportedTask> tasks)
    {
        var counts = new MethodCounts();
        for (int i = 0; i < tasks.Count; i++)
        {
            counts.Add(tasks[i].Node.Method);
        }

        return counts.ToArray();
    }

    /// <summary>Counts one task of <paramref name="method"/> (<see langword="null"/>: a collection).</summary>
    internal void Add(DelayedMethod? method)
    {
        // Tasks of one method mostly come together: the last one is checked before the dictionary.
        if (lastRow < 0 || !ReferenceEquals(method, last))
        {
            lastRow = method is null ? collectionRow : rowOf.GetValueOrDefault(method, -1);
            if (lastRow < 0)
            {
                lastRow = NewRow(method);
            }

            last = method;
        }

        counts[lastRow]++;
    }

    internal MethodTaskCount[] ToArray()
    {
        var result = new MethodTaskCount[methods.Count];
        for (int row = 0; row < result.Length; row++)
        {
            result[row] = new MethodTaskCount(methods[row], counts[row]);
        }

        return result;
    }

    private int NewRow(DelayedMethod? method)
    {
        int row = methods.Count;
        methods.Add(method);
        counts.Add(0);
        if (method is null)
        {
            collectionRow = row;
        }
        else
        {
            rowOf[method] = row;
        }

        return row;
    }
}

using System;
using System.Collections.Generic;

namespace TaskGraph.Dashboard;

/// <summary>
/// The tasks of one compute, found by walking its targets' dependencies once when it starts: each task's
/// number (inputs before consumers), its method's row and, for graphs small enough to draw, its rank (the
/// longest path from a source) and edges. Equal pure calls share one task, as in the planner; constants
/// are not tasks.
/// </summary>
internal sealed class ComputeGraph
{
    private readonly Dictionary<DelayedNode, int> numbers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> pureNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> methodRows = new(StringComparer.Ordinal);
    private readonly List<int> methodOf = new();
    private readonly List<int> ranks = new();
    private readonly List<(int From, int To)> edges = new();

    private ComputeGraph(int maxDrawnTasks) => MaxDrawnTasks = maxDrawnTasks;

    /// <summary>The rows of the progress table, in the order their methods were met.</summary>
    internal List<MethodProgress> Methods { get; } = new();

    internal int TaskCount => methodOf.Count;

    internal int MaxDrawnTasks { get; }

    /// <summary>Whether the page draws this graph.</summary>
    internal bool IsDrawn => TaskCount <= MaxDrawnTasks;

    /// <summary>Each task's rank (drawn graphs only).</summary>
    internal IReadOnlyList<int> Ranks => ranks;

    /// <summary>Input to consumer, by task number (drawn graphs only).</summary>
    internal IReadOnlyList<(int From, int To)> Edges => edges;

    internal static ComputeGraph Walk(IReadOnlyList<DelayedNode> targets, int maxDrawnTasks)
    {
        var graph = new ComputeGraph(maxDrawnTasks);
        foreach (DelayedNode target in targets)
        {
            graph.Add(target);
        }

        return graph;
    }

    /// <summary>The task number of <paramref name="task"/>; -1 for a node the walk did not meet.</summary>
    internal int NumberOf(DelayedNode task) => numbers.TryGetValue(task, out int number) ? number : -1;

    /// <summary>The progress row of task <paramref name="number"/>.</summary>
    internal int MethodOf(int number) => methodOf[number];

    /// <summary>The progress row of <paramref name="task"/>, added when the walk did not meet its method.</summary>
    internal int MethodOf(DelayedNode task)
    {
        int number = NumberOf(task);
        return number >= 0 ? methodOf[number] : RowOf(task);
    }

    // Depth first without recursion (chains of 100,000 tasks); a task gets its number once its inputs have theirs.
    private void Add(DelayedNode root)
    {
        if (!IsNewTask(root))
        {
            return;
        }

        var stack = new Stack<(DelayedNode Node, int NextInput)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, nextInput) = stack.Pop();
            if (nextInput < node.Dependencies.Count)
            {
                stack.Push((node, nextInput + 1));
                DelayedNode input = node.Dependencies[nextInput];
                if (IsNewTask(input))
                {
                    stack.Push((input, 0));
                }
            }
            else
            {
                Number(node);
            }
        }
    }

    private bool IsNewTask(DelayedNode node)
    {
        if (node.Method is null && node.Dependencies.Count == 0)
        {
            return false;
        }

        if (numbers.ContainsKey(node))
        {
            return false;
        }

        if (node.Method is { Pure: true } && pureNumbers.TryGetValue(node.Key, out int equal))
        {
            numbers[node] = equal;
            return false;
        }

        return true;
    }

    private void Number(DelayedNode node)
    {
        int number = methodOf.Count;
        numbers[node] = number;
        if (node.Method is { Pure: true })
        {
            pureNumbers[node.Key] = number;
        }

        int row = RowOf(node);
        methodOf.Add(row);
        Methods[row].Total++;
        if (number < MaxDrawnTasks)
        {
            AddDrawing(node, number);
        }
        else if (number == MaxDrawnTasks)
        {
            // Too big to draw: what was kept for the picture is dropped.
            ranks.Clear();
            edges.Clear();
        }
    }

    private void AddDrawing(DelayedNode node, int number)
    {
        int rank = 0;
        foreach (DelayedNode input in node.Dependencies)
        {
            int from = NumberOf(input);
            if (from >= 0)
            {
                edges.Add((from, number));
                rank = Math.Max(rank, ranks[from] + 1);
            }
        }

        ranks.Add(rank);
    }

    private int RowOf(DelayedNode node)
    {
        string id = node.Method?.Id ?? "All";
        if (!methodRows.TryGetValue(id, out int row))
        {
            row = Methods.Count;
            methodRows[id] = row;
            Methods.Add(new MethodProgress(node.Method?.Name ?? "All"));
        }

        return row;
    }
}

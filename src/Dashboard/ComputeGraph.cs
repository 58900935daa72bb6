using System;
using System.Collections.Generic;

namespace TaskGraph.Dashboard;

/// <summary>
/// The tasks of one compute. A graph small enough to draw is walked once when it starts: each task's number
/// (inputs before consumers), its method's row, its rank (the longest path from a source) and edges; equal pure
/// calls share one task, as in the planner, and constants are not tasks. A bigger one gets only its rows, from
/// the compute's own counts.
/// </summary>
internal sealed class ComputeGraph
{
    private readonly Dictionary<DelayedNode, int> numbers;
    private readonly Dictionary<string, int> pureNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<DelayedMethod, int> methodRows = new(ReferenceEqualityComparer.Instance);
    private int collectionRow = -1;
    private DelayedMethod? lastMethod;
    private int lastRow;
    private readonly List<int> drawnMethods = new();
    private readonly List<int> ranks = new();
    private readonly List<(int From, int To)> edges = new();

    private ComputeGraph(int taskCount, int maxDrawnTasks)
    {
        // Sized once from the task count, not grown entry by entry.
        numbers = new Dictionary<DelayedNode, int>(taskCount, ReferenceEqualityComparer.Instance);
        MaxDrawnTasks = maxDrawnTasks;
    }

    /// <summary>The rows of the progress table, in the order their methods were met.</summary>
    internal List<MethodProgress> Methods { get; } = new();

    internal int TaskCount { get; private set; }

    internal int MaxDrawnTasks { get; }

    /// <summary>Whether <paramref name="compute"/> is small enough to draw, and so is walked (else its rows come from <see cref="ComputeInfo.TasksPerMethod"/>).</summary>
    internal static bool Draws(ComputeInfo compute, int maxDrawnTasks) => compute.TaskCount <= maxDrawnTasks;

    /// <summary>Whether the page draws this graph.</summary>
    internal bool IsDrawn => TaskCount <= MaxDrawnTasks;

    /// <summary>Each task's rank (drawn graphs only).</summary>
    internal IReadOnlyList<int> Ranks => ranks;

    /// <summary>Input to consumer, by task number (drawn graphs only).</summary>
    internal IReadOnlyList<(int From, int To)> Edges => edges;

    /// <summary>
    /// The graph of <paramref name="compute"/>: walked when it is small enough to draw; else only its rows, from the
    /// compute's own counts (<see cref="ComputeInfo.TasksPerMethod"/>, taken while it was planned): walking 100,000 tasks
    /// took most of what the dashboard cost a compute.
    /// </summary>
    internal static ComputeGraph Of(ComputeInfo compute, int maxDrawnTasks)
    {
        if (!Draws(compute, maxDrawnTasks))
        {
            var counted = new ComputeGraph(0, maxDrawnTasks) { TaskCount = compute.TaskCount };
            foreach (MethodTaskCount row in compute.TasksPerMethod)
            {
                counted.Methods[counted.RowOf(row.Method)].Total = row.Tasks;
            }

            return counted;
        }

        var graph = new ComputeGraph(compute.TaskCount, maxDrawnTasks);
        foreach (DelayedNode target in compute.Targets)
        {
            graph.Add(target);
        }

        if (!graph.IsDrawn)
        {
            // Only drawn tasks are looked up by node later.
            graph.ForgetTasks();
        }

        return graph;
    }

    /// <summary>Drops what maps nodes to tasks (the compute ended: no event names its tasks any more), keeping what the page draws.</summary>
    internal void ForgetTasks()
    {
        numbers.Clear();
        numbers.TrimExcess();
        pureNumbers.Clear();
        pureNumbers.TrimExcess();
    }

    /// <summary>The number of drawn task <paramref name="task"/>; -1 when the graph is not drawn or the walk did not meet it.</summary>
    internal int NumberOf(DelayedNode task) => numbers.TryGetValue(task, out int number) ? number : -1;

    /// <summary>The progress row of drawn task <paramref name="number"/>.</summary>
    internal int MethodOf(int number) => drawnMethods[number];

    /// <summary>The progress row of <paramref name="task"/>'s method, added when the walk did not meet it.</summary>
    internal int MethodOf(DelayedNode task) => RowOf(task.Method);

    // Depth first without recursion (chains of 100,000 tasks); a task gets its number once its inputs have theirs.
    // The inputs stay DelayedDependencies (a struct) on the stack: as an IReadOnlyList each node's would be boxed.
    private void Add(DelayedNode root)
    {
        if (!IsNewTask(root))
        {
            return;
        }

        var stack = new Stack<(DelayedNode Node, DelayedDependencies Inputs, int NextInput)>();
        stack.Push((root, root.Dependencies, 0));
        while (stack.Count > 0)
        {
            var (node, inputs, nextInput) = stack.Pop();
            if (nextInput < inputs.Count)
            {
                stack.Push((node, inputs, nextInput + 1));
                DelayedNode input = inputs[nextInput];
                if (IsNewTask(input))
                {
                    stack.Push((input, input.Dependencies, 0));
                }
            }
            else
            {
                Number(node, inputs);
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

    private void Number(DelayedNode node, DelayedDependencies inputs)
    {
        int number = TaskCount++;
        numbers[node] = number;
        if (node.Method is { Pure: true })
        {
            pureNumbers[node.Key] = number;
        }

        int row = RowOf(node.Method);
        Methods[row].Total++;
        if (number < MaxDrawnTasks)
        {
            AddDrawing(inputs, number, row);
        }
        else if (number == MaxDrawnTasks)
        {
            // Too big to draw: what was kept for the picture is dropped.
            ranks.Clear();
            edges.Clear();
            drawnMethods.Clear();
        }
    }

    private void AddDrawing(DelayedDependencies inputs, int number, int row)
    {
        drawnMethods.Add(row);
        int rank = 0;
        foreach (DelayedNode input in inputs)
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

    /// <summary>The progress row of <paramref name="method"/>'s tasks (collections: <see langword="null"/>), added when not met yet.</summary>
    /// <remarks>Consecutive events mostly name the same method: the last one is checked before the dictionary.</remarks>
    internal int RowOf(DelayedMethod? method)
    {
        if (method is null)
        {
            return collectionRow >= 0 ? collectionRow : collectionRow = AddRow("All");
        }

        if (ReferenceEquals(method, lastMethod))
        {
            return lastRow;
        }

        if (!methodRows.TryGetValue(method, out int row))
        {
            row = AddRow(method.Name);
            methodRows[method] = row;
        }

        (lastMethod, lastRow) = (method, row);
        return row;
    }

    private int AddRow(string name)
    {
        Methods.Add(new MethodProgress(name));
        return Methods.Count - 1;
    }
}

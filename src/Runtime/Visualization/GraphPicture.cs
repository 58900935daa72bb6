using System;
using System.Collections.Generic;
using System.Text;
using TaskGraph.Diagnostics;
using TaskGraph.Nodes;

namespace TaskGraph.Visualization;

/// <summary>
/// What a picture of a graph shows, whatever the format: one node per task (dependencies before their
/// consumers), one edge per distinct (input, consumer) pair, and each task's state when a recorder is given.
/// </summary>
/// <remarks>
/// Tasks are identified by key, so a node shared by several consumers, and equal pure calls (which share
/// one task in a compute), are drawn once. Constants are not tasks and get no node of their own: they are
/// folded into their consumer's label as a second line naming the parameters they fill
/// (<c>const: path, options</c>; for a collection, <c>3 constant items</c>). The walk uses an explicit
/// stack, so a chain of any length is drawn without recursion.
/// </remarks>
internal sealed class GraphPicture
{
    private const int SmallArgumentCount = 8;

    private GraphPicture(List<PictureNode> nodes, List<PictureEdge> edges, bool hasStates)
    {
        Nodes = nodes;
        Edges = edges;
        HasStates = hasStates;
    }

    internal List<PictureNode> Nodes { get; }

    internal List<PictureEdge> Edges { get; }

    /// <summary>Whether states were recorded: without a recorder nodes are drawn uncoloured.</summary>
    internal bool HasStates { get; }

    internal static GraphPicture Of(IEnumerable<DelayedNode> targets, GraphStateRecorder? states)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var nodes = new List<PictureNode>();
        var edges = new List<PictureEdge>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<(DelayedNode Node, bool Expanded)>();
        var seenInputs = new HashSet<int>();
        int position = 0;
        foreach (DelayedNode? target in targets)
        {
            if (target is null)
            {
                throw new ArgumentException($"The handle at position {position} is null.", nameof(targets));
            }

            position++;
            stack.Push((target, false));
            while (stack.Count > 0)
            {
                var (node, expanded) = stack.Pop();
                if (node.IsConstant || ids.ContainsKey(node.Key))
                {
                    continue;
                }

                NodeArguments arguments = node.Arguments;
                if (!expanded)
                {
                    stack.Push((node, true));
                    for (int i = arguments.Count - 1; i >= 0; i--)
                    {
                        if (arguments[i] is { IsConstant: false } input && !ids.ContainsKey(input.Key))
                        {
                            stack.Push((input, false));
                        }
                    }

                    continue;
                }

                int id = nodes.Count;
                ids.Add(node.Key, id);
                nodes.Add(new PictureNode(node, Label(node), states?.StateOf(node) ?? TaskState.NotRun));
                AddEdges(arguments, id, ids, edges, seenInputs);
            }
        }

        return new GraphPicture(nodes, edges, states is not null);
    }

    /// <summary>One edge per distinct input: a task taking the same input twice gets one arrow.</summary>
    private static void AddEdges(NodeArguments arguments, int consumer, Dictionary<string, int> ids, List<PictureEdge> edges, HashSet<int> seenInputs)
    {
        int first = edges.Count;
        seenInputs.Clear();
        foreach (DelayedNode? argument in arguments)
        {
            if (argument is null || argument.IsConstant)
            {
                continue;
            }

            int input = ids[argument.Key];
            if (IsNewInput(input, edges, first, arguments.Count, seenInputs))
            {
                edges.Add(new PictureEdge(input, consumer));
            }
        }
    }

    // Few arguments: scanning this node's edges beats hashing; collections of many items use the set.
    private static bool IsNewInput(int input, List<PictureEdge> edges, int first, int argumentCount, HashSet<int> seenInputs)
    {
        if (argumentCount > SmallArgumentCount)
        {
            return seenInputs.Add(input);
        }

        for (int i = first; i < edges.Count; i++)
        {
            if (edges[i].From == input)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The method's name (<c>All</c> for a collection); a second line names the arguments that are constants.</summary>
    private static string Label(DelayedNode node)
    {
        DelayedMethod? method = node.Method;
        NodeArguments arguments = node.Arguments;
        string name = method?.Name ?? "All";
        if (method is null)
        {
            int constants = 0;
            foreach (DelayedNode? argument in arguments)
            {
                constants += argument is null or { IsConstant: true } ? 1 : 0;
            }

            return constants switch
            {
                0 => name,
                1 => name + "\n1 constant item",
                _ => $"{name}\n{constants} constant items",
            };
        }

        StringBuilder? label = null;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is null or { IsConstant: true })
            {
                label = label is null ? new StringBuilder(name).Append("\nconst: ") : label.Append(", ");
                label.Append(i < method.ParameterNames.Count ? method.ParameterNames[i] : "#" + i);
            }
        }

        return label?.ToString() ?? name;
    }
}

using System;
using System.Collections.Generic;
using TaskGraph.Nodes;

namespace TaskGraph.Resume;

/// <summary>
/// The graph a compute with a <see cref="ComputeOptions.ResultStore"/> runs instead of its own, decided before any
/// task runs, so the scheduling core needs no knowledge of stores:
/// <list type="bullet">
/// <item>every call upstream of a <see cref="DelayedAttribute.Checkpoint"/> call gets its key (<see cref="ResumeKeys"/>),
/// inputs first; what cannot be keyed or stored is refused here, naming the task and the type or method;</item>
/// <item>from the targets down, a checkpointed call whose key the store holds becomes a constant of the stored
/// value (<see cref="Reused"/>), and what only it needed is never reached, so never run;</item>
/// <item>the calls still reached are rebuilt where something below them changed, and each checkpointed one writes
/// its result to the store as it finishes. Nodes nothing changed under stay the user's own.</item>
/// </list>
/// Rebuilt nodes keep their original keys, so observers and pictures name them as the user's graph does.
/// </summary>
internal sealed class ResumedGraph
{
    private readonly IResultStore store;

    /// <summary>Every node reachable from the targets (constants too), inputs before their consumers.</summary>
    private readonly List<DelayedNode> order = new();

    /// <summary>What planning found of each node of <see cref="order"/>.</summary>
    private readonly Dictionary<DelayedNode, Entry> entries = new(ReferenceEqualityComparer.Instance);

    private ResumedGraph(IResultStore store) => this.store = store;

    /// <summary>The targets to compute: the given ones, or their replacements.</summary>
    internal DelayedNode[] Targets { get; private set; } = Array.Empty<DelayedNode>();

    /// <summary>The user's nodes whose stored results are reused (each once), for <see cref="IComputeObserver.OnTaskReused"/>.</summary>
    internal List<DelayedNode> Reused { get; } = new();

    /// <summary>The graph to run for <paramref name="targets"/>; <see langword="null"/> when there is no store or nothing in the graph is checkpointed.</summary>
    /// <exception cref="InvalidOperationException">A checkpointed task cannot be keyed or its result cannot be stored (the message names the task and why).</exception>
    internal static ResumedGraph? Prepare(DelayedNode[] targets, ComputeOptions options)
    {
        if (options.ResultStore is not { } store)
        {
            return null;
        }

        var graph = new ResumedGraph(store);
        if (!graph.Walk(targets))
        {
            return null;
        }

        graph.Key();
        graph.Resolve(targets);
        graph.Rebuild();
        graph.Targets = Array.ConvertAll(targets, target => graph.Replacement(target)!);
        return graph;
    }

    /// <summary>Lists every node, inputs first, without recursion; <see langword="false"/> when no call is checkpointed.</summary>
    private bool Walk(DelayedNode[] targets)
    {
        bool anyCheckpoint = false;
        var stack = new Stack<(DelayedNode Node, int NextArgument)>();
        foreach (DelayedNode target in targets)
        {
            if (entries.TryAdd(target, new Entry()))
            {
                stack.Push((target, 0));
            }

            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < node.Arguments.Count)
                {
                    stack.Push((node, next + 1));
                    if (node.Arguments[next] is { } argument && entries.TryAdd(argument, new Entry()))
                    {
                        stack.Push((argument, 0));
                    }

                    continue;
                }

                anyCheckpoint |= IsCheckpoint(node);
                order.Add(node);
            }
        }

        return anyCheckpoint;
    }

    /// <summary>Keys every call that a checkpointed call depends on (and the checkpointed ones), inputs first.</summary>
    private void Key()
    {
        // Consumers first: a node needs a key when a checkpointed node or a node needing a key consumes it.
        for (int i = order.Count - 1; i >= 0; i--)
        {
            DelayedNode node = order[i];
            if (IsCheckpoint(node) || entries[node].NeedsKey)
            {
                entries[node].NeedsKey = true;
                foreach (DelayedNode? argument in node.Arguments)
                {
                    if (argument is not null)
                    {
                        entries[argument].NeedsKey = true;
                    }
                }
            }
        }

        foreach (DelayedNode node in order)
        {
            Entry entry = entries[node];
            if (entry.NeedsKey)
            {
                (entry.Key, entry.Unkeyable) = node.IsConstant ? KeyConstant(node) : KeyCall(node);
                if (IsCheckpoint(node))
                {
                    CheckCheckpoint(node, entry);
                }
            }
        }
    }

    private (string? Key, string? Unkeyable) KeyConstant(DelayedNode constant)
    {
        object? value = constant.ConstantValue;
        Type type = value?.GetType() ?? constant.ResultType;
        return store.CannotStore(type) is { } reason
            ? (null, $"an argument's value has type '{type}', which {reason}")
            : ("v" + store.Fingerprint(value, type), null);
    }

    private (string? Key, string? Unkeyable) KeyCall(DelayedNode call)
    {
        if (call.Method is { CanRunById: false } method)
        {
            return (null, $"it depends on {method.ContainingType}.{method.Name}, which is not a static, non-generic method of a non-generic type, so its calls cannot be keyed (an instance's state is not part of a key)");
        }

        var argumentKeys = new string[call.Arguments.Count];
        for (int i = 0; i < argumentKeys.Length; i++)
        {
            if (call.Arguments[i] is not { } argument)
            {
                argumentKeys[i] = "-";
                continue;
            }

            Entry input = entries[argument];
            if (input.Unkeyable is { } reason)
            {
                return (null, reason);
            }

            argumentKeys[i] = (argument.IsConstant ? string.Empty : "t") + input.Key;
        }

        return (ResumeKeys.Of(call, argumentKeys), null);
    }

    private void CheckCheckpoint(DelayedNode node, Entry entry)
    {
        string task = $"Task '{node.Key}' ({node.Method!.ContainingType}.{node.Method.Name}, [Delayed(Checkpoint = true)])";
        if (store.CannotStore(node.ResultType) is { } reason)
        {
            throw new InvalidOperationException($"{task} cannot keep its result in the result store: its result type '{node.ResultType}' {reason}.");
        }

        if (entry.Unkeyable is { } unkeyable)
        {
            throw new InvalidOperationException($"{task} cannot be keyed for the result store: {unkeyable}.");
        }
    }

    /// <summary>From the targets down: a checkpointed call the store holds is reused and what is only below it is not reached.</summary>
    private void Resolve(DelayedNode[] targets)
    {
        var pending = new Stack<DelayedNode>(targets);
        while (pending.Count > 0)
        {
            DelayedNode node = pending.Pop();
            Entry entry = entries[node];
            if (entry.Reached || node.IsConstant)
            {
                continue;
            }

            entry.Reached = true;
            if (IsCheckpoint(node) && store.TryRead(entry.Key!, node.ResultType, out object? value))
            {
                entry.Replacement = node.StoredResult(value);
                Reused.Add(node);
                continue;
            }

            foreach (DelayedNode? argument in node.Arguments)
            {
                if (argument is not null)
                {
                    pending.Push(argument);
                }
            }
        }
    }

    /// <summary>Rebuilds, inputs first, each reached call that writes its result or has a replaced input.</summary>
    private void Rebuild()
    {
        foreach (DelayedNode node in order)
        {
            Entry entry = entries[node];
            if (!entry.Reached || node.IsConstant || entry.Replacement is not null)
            {
                continue;
            }

            bool changed = false;
            var arguments = new DelayedNode?[node.Arguments.Count];
            for (int i = 0; i < arguments.Length; i++)
            {
                arguments[i] = Replacement(node.Arguments[i]);
                changed |= !ReferenceEquals(arguments[i], node.Arguments[i]);
            }

            if (IsCheckpoint(node))
            {
                entry.Replacement = node.Resumed(new NodeArguments(arguments), store, entry.Key);
            }
            else if (changed)
            {
                entry.Replacement = node.Resumed(new NodeArguments(arguments), null, null);
            }
        }
    }

    private DelayedNode? Replacement(DelayedNode? node)
        => node is null ? null : entries[node].Replacement ?? node;

    private static bool IsCheckpoint(DelayedNode node) => node.Method is { Checkpoint: true };

    private sealed class Entry
    {
        /// <summary>A checkpointed call, or an input of one (directly or further down).</summary>
        internal bool NeedsKey;

        /// <summary>The node's key (a call) or its value's fingerprint (a constant), once keyed.</summary>
        internal string? Key;

        /// <summary>Why the node cannot be keyed; <see langword="null"/> when it can (or was not asked).</summary>
        internal string? Unkeyable;

        /// <summary>Reached from the targets without passing a reused result: it runs.</summary>
        internal bool Reached;

        /// <summary>What runs instead of the node: a constant of its stored result, or its rebuilt call.</summary>
        internal DelayedNode? Replacement;
    }
}

using System;
using TaskGraph.Nodes;

namespace TaskGraph;

// What resumable computes (see Resume/ResumedGraph) need of a node: its value's type, and typed copies.
public abstract partial class DelayedNode
{
    /// <summary>The type of the node's value (<c>T</c> of <see cref="Delayed{T}"/>).</summary>
    internal abstract Type ResultType { get; }

    /// <summary>A constant holding <paramref name="value"/>, a stored result of this node (of <see cref="ResultType"/>).</summary>
    internal abstract DelayedNode StoredResult(object? value);

    /// <summary>
    /// This call with <paramref name="arguments"/> instead of its own, under the same key; when
    /// <paramref name="store"/> is given, each successful result is written there under <paramref name="storeKey"/>
    /// before the task counts as finished.
    /// </summary>
    internal virtual DelayedNode Resumed(NodeArguments arguments, IResultStore? store, string? storeKey)
        => throw new InvalidOperationException($"Node '{Key}' is not a task.");
}

using System.Collections.Generic;

namespace TaskGraph;

/// <summary>
/// The untyped view of a node in a task graph: a constant, a call of a <c>[Delayed]</c> method, or a
/// collection of other nodes. Nodes are immutable; one node may be shared by many graphs and computes.
/// </summary>
public abstract class DelayedNode
{
    // Only the runtime defines node kinds.
    private protected DelayedNode()
    {
    }

    /// <summary>
    /// The task's key, unique within a process: the method name and a sequence number
    /// (<c>Process-17</c>), or for a pure call a token of the method and its arguments, so that equal
    /// pure calls have equal keys.
    /// </summary>
    public abstract string Key { get; }

    /// <summary>The method this node calls; <see langword="null"/> for constants and collections.</summary>
    public abstract DelayedMethod? Method { get; }

    /// <summary>The nodes whose results this node takes as arguments, in parameter order.</summary>
    public abstract IReadOnlyList<DelayedNode> Dependencies { get; }
}

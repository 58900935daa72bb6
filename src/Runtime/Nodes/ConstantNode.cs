using System.Collections.Generic;
using System.Threading;

namespace TaskGraph.Nodes;

/// <summary>A value known when the graph is built. Not a task: computes read it directly.</summary>
internal sealed partial class ConstantNode<T> : Delayed<T>
{
    private string? key;

    internal ConstantNode(T value)
        : base(default(NodeArguments), NodeTraits.Constant)
        => Value = value;

    internal T Value { get; }

    // Numbered on first use only: most constants are never asked for their key.
    public override string Key
        => key ?? Interlocked.CompareExchange(ref key, "Value-" + NodeSequence.Next(), null) ?? key;

    public override DelayedMethod? Method => null;

    internal override object? ConstantValue => Value;

    internal override bool HasEqualValue(DelayedNode other)
        => other is ConstantNode<T> constant && EqualityComparer<T>.Default.Equals(Value, constant.Value);

    internal override int ValueHashCode => Value is null ? 0 : EqualityComparer<T>.Default.GetHashCode(Value);
}

using System;
using TaskGraph.Nodes;

namespace TaskGraph.Scheduling;

/// <summary>
/// What makes two pure calls the same within one compute: the same method through the same invoker,
/// and per argument the same task (after its own deduplication), or equal constant values, or both null.
/// </summary>
internal readonly struct PureCall : IEquatable<PureCall>
{
    private readonly DelayedNode node;

    /// <summary>The task slot of each argument; -1 for a constant or a null handle.</summary>
    private readonly int[] inputSlots;

    internal PureCall(DelayedNode node, int[] inputSlots)
    {
        this.node = node;
        this.inputSlots = inputSlots;
    }

    public bool Equals(PureCall other)
    {
        if (!node.IsSameCall(other.node) || !inputSlots.AsSpan().SequenceEqual(other.inputSlots))
        {
            return false;
        }

        NodeArguments arguments = node.Arguments;
        NodeArguments otherArguments = other.node.Arguments;
        for (int i = 0; i < inputSlots.Length; i++)
        {
            if (inputSlots[i] < 0 && !SameConstant(arguments[i], otherArguments[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is PureCall other && Equals(other);

    public override int GetHashCode()
    {
        HashCode hash = default;
        hash.Add(node.CallHashCode);
        NodeArguments arguments = node.Arguments;
        for (int i = 0; i < inputSlots.Length; i++)
        {
            hash.Add(inputSlots[i] >= 0 ? inputSlots[i] : arguments[i]?.ValueHashCode ?? 0);
        }

        return hash.ToHashCode();
    }

    private static bool SameConstant(DelayedNode? a, DelayedNode? b)
        => a is null ? b is null : b is not null && a.HasEqualValue(b);
}

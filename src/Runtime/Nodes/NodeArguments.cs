using System.Runtime.CompilerServices;

namespace TaskGraph.Nodes;

/// <summary>
/// A node's argument handles in parameter order (a <see langword="null"/> entry reads as default). Up to
/// two live inside the node itself: most calls take one or two, and then a node is one object, and
/// planning follows one reference per node instead of two (node, then its array). More than two stay
/// in the array the node was given. Two reference fields, the second one holding either the second
/// argument or that array, keep every node (constants too) small.
/// </summary>
internal readonly struct NodeArguments
{
    private readonly DelayedNode? first;

    /// <summary>The second argument when there are at most two; else the array of all of them.</summary>
    private readonly object? rest;

    internal NodeArguments(DelayedNode? only)
    {
        first = only;
        Count = 1;
    }

    internal NodeArguments(DelayedNode? first, DelayedNode? second)
    {
        this.first = first;
        rest = second;
        Count = 2;
    }

    /// <summary>Takes <paramref name="all"/> over when it holds more than two (nobody changes it afterwards).</summary>
    internal NodeArguments(DelayedNode?[] all)
    {
        Count = all.Length;
        if (all.Length > 2)
        {
            rest = all;
            return;
        }

        first = all.Length > 0 ? all[0] : null;
        rest = all.Length > 1 ? all[1] : null;
    }

    internal int Count { get; }

    /// <summary>Argument <paramref name="index"/>, which callers keep below <see cref="Count"/>.</summary>
    internal DelayedNode? this[int index]
        => Count > 2
            ? Unsafe.As<DelayedNode?[]>(rest!)[index]
            : index == 0 ? first : Unsafe.As<DelayedNode?>(rest);
    public Enumerator GetEnumerator() => new(this);

    /// <summary>
    /// What the arguments make of a call, in one pass: <see cref="NodeTraits.Source"/> when none is a task
    /// (all constants or null handles), <see cref="NodeTraits.NullHandle"/> when one is a null handle.
    /// </summary>
    internal NodeTraits Traits()
    {
        NodeTraits traits = NodeTraits.Source;
        foreach (DelayedNode? argument in this)
        {
            if (argument is null)
            {
                traits |= NodeTraits.NullHandle;
            }
            else if (!argument.IsConstant)
            {
                traits &= ~NodeTraits.Source;
            }
        }

        return traits;
    }

    internal struct Enumerator
    {
        private readonly NodeArguments arguments;
        private int index;

        internal Enumerator(NodeArguments arguments)
        {
            this.arguments = arguments;
            index = -1;
        }

        public readonly DelayedNode? Current => arguments[index];

        public bool MoveNext() => ++index < arguments.Count;
    }
}

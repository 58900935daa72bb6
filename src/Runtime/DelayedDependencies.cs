using System;
using System.Collections;
using System.Collections.Generic;
using TaskGraph.Nodes;

namespace TaskGraph;

/// <summary>
/// The nodes a node takes as arguments, in parameter order, null handles left out: a view over the node's
/// own arguments, so reading it (count, index, <see langword="foreach"/>) allocates nothing.
/// </summary>
/// <remarks>
/// Count and index are constant-time unless the node was given a null handle; then each walks the arguments.
/// Used as an <see cref="IReadOnlyList{T}"/> or an <see cref="IEnumerable{T}"/> (LINQ, a parameter of an
/// interface type), the view is boxed like any struct.
/// </remarks>
public readonly struct DelayedDependencies : IReadOnlyList<DelayedNode>
{
    private readonly NodeArguments arguments;
    private readonly bool hasNullHandle;

    internal DelayedDependencies(NodeArguments arguments, bool hasNullHandle)
    {
        this.arguments = arguments;
        this.hasNullHandle = hasNullHandle;
    }

    /// <summary>The number of argument nodes.</summary>
    public int Count => hasNullHandle ? CountNodes() : arguments.Count;

    /// <summary>Argument node <paramref name="index"/> (null handles not counted).</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not below <see cref="Count"/>.</exception>
    public DelayedNode this[int index]
    {
        get
        {
            if (!hasNullHandle && (uint)index < (uint)arguments.Count)
            {
                return arguments[index]!;
            }

            int seen = 0;
            foreach (DelayedNode node in this)
            {
                if (seen++ == index)
                {
                    return node;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(index), index, $"The node has {Count} dependencies.");
        }
    }

    /// <summary>Enumerates the argument nodes without allocating.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(arguments);

    IEnumerator<DelayedNode> IEnumerable<DelayedNode>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int CountNodes()
    {
        int count = 0;
        foreach (DelayedNode? argument in arguments)
        {
            if (argument is not null)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Enumerates the argument nodes of a <see cref="DelayedDependencies"/>, skipping null handles.</summary>
    public struct Enumerator : IEnumerator<DelayedNode>
    {
        private readonly NodeArguments arguments;
        private int index;

        internal Enumerator(NodeArguments arguments)
        {
            this.arguments = arguments;
            index = -1;
        }

        /// <summary>The current argument node.</summary>
        public readonly DelayedNode Current => arguments[index]!;

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next argument node.</summary>
        /// <returns><see langword="false"/> past the last one.</returns>
        public bool MoveNext()
        {
            while (++index < arguments.Count)
            {
                if (arguments[index] is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Starts over.</summary>
        public void Reset() => index = -1;

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}

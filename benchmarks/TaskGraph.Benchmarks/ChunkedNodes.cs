using System.Collections.Generic;

namespace TaskGraph.Benchmarks;

/// <summary>
/// The other way to store a graph, measured as a floor beside <see cref="PlainNodes"/>: no object per
/// node, but node entries (structs) appended to large arrays, each node naming its argument by chunk
/// and index. With <c>traced</c> an entry also holds what a call node refers to (method, invoker,
/// argument chunk), so the garbage collector scans every entry; without it an entry holds numbers only,
/// so the collector never looks inside a chunk. Answers whether any node storage builds in linear
/// time while every node stays alive, and at what price in what a node may hold.
/// </summary>
public sealed class ChunkedNodes
{
    private const int ChunkSize = 16_384;

    private static readonly object Shared = new();

    private readonly List<object> chunks = new();

    private ChunkedNodes()
    {
    }

    /// <summary>A chain of <paramref name="count"/> entries, each naming the one before it (the first names none: index -1).</summary>
    public static ChunkedNodes Chain(int count, bool traced)
    {
        var nodes = new ChunkedNodes();
        if (traced)
        {
            nodes.Fill<TracedEntry>(count);
        }
        else
        {
            nodes.Fill<UntracedEntry>(count);
        }

        return nodes;
    }

    // Generic over the entry so that each kind is compiled on its own, with no call through a delegate per entry.
    private void Fill<TEntry>(int count)
        where TEntry : struct, IChainEntry<TEntry>
    {
        TEntry[]? chunk = null;
        for (int i = 0; i < count; i++)
        {
            int index = i % ChunkSize;
            if (index == 0)
            {
                chunk = new TEntry[ChunkSize];
                chunks.Add(chunk);
            }

            chunk![index] = TEntry.Create(this, i);
        }
    }

    public int ChunkCount => chunks.Count;

    private interface IChainEntry<TEntry>
    {
        /// <summary>Entry <paramref name="node"/> of a chain in <paramref name="nodes"/>, naming node - 1.</summary>
        static abstract TEntry Create(ChunkedNodes nodes, int node);
    }

    // A call node's fields as references: method, invoker, argument chunk, key; the rest numbers.
    private readonly struct TracedEntry : IChainEntry<TracedEntry>
    {
        private readonly object method;
        private readonly object invoker;
        private readonly object? argumentChunk;
        private readonly string? key;
        private readonly int argumentIndex;
        private readonly long sequence;
        private readonly long stamp;
        private readonly int slot;

        internal TracedEntry(object shared, object? argumentChunk, int argumentIndex, long sequence)
        {
            method = shared;
            invoker = shared;
            this.argumentChunk = argumentChunk;
            key = null;
            this.argumentIndex = argumentIndex;
            this.sequence = sequence;
            stamp = 0;
            slot = 0;
        }

        public static TracedEntry Create(ChunkedNodes nodes, int node)
            => new(Shared, node > 0 ? nodes.chunks[(node - 1) / ChunkSize] : null, (node - 1) % ChunkSize, node);

        public override string ToString() => $"{method} {invoker} {argumentChunk} {key} {argumentIndex} {sequence} {stamp} {slot}";
    }

    // The same fields as numbers: a method and an invoker would be looked up in tables, an argument by chunk number.
    private readonly struct UntracedEntry : IChainEntry<UntracedEntry>
    {
        private readonly int methodId;
        private readonly int invokerId;
        private readonly int argumentChunk;
        private readonly int argumentIndex;
        private readonly int keyId;
        private readonly long sequence;
        private readonly long stamp;
        private readonly int slot;

        internal UntracedEntry(int methodId, int argumentChunk, int argumentIndex, long sequence)
        {
            this.methodId = methodId;
            invokerId = methodId;
            this.argumentChunk = argumentChunk;
            this.argumentIndex = argumentIndex;
            keyId = 0;
            this.sequence = sequence;
            stamp = 0;
            slot = 0;
        }

        public static UntracedEntry Create(ChunkedNodes nodes, int node)
            => new(methodId: 1, argumentChunk: (node - 1) / ChunkSize, argumentIndex: (node - 1) % ChunkSize, node);

        public override string ToString() => $"{methodId} {invokerId} {argumentChunk} {argumentIndex} {keyId} {sequence} {stamp} {slot}";
    }
}

namespace TaskGraph.Benchmarks;

/// <summary>
/// The allocation floor of building: plain objects of a call node's size, each pointing to the previous
/// one, with no graph logic at all. What the runtime's allocator and garbage collector alone cost per
/// node, at any size.
/// </summary>
public sealed class PlainNodes
{
    private static readonly object Shared = new();

    // A call node's fields: two argument fields and their count, traits, plan stamp and slot, invoker, sequence, key, method.
    private readonly object? first;
    private readonly object? rest;
    private readonly int count;
    private readonly byte traits;
    private readonly long sequence;
    private readonly object? invoker;
    private readonly object? method;
    private readonly string? key;
    private readonly long stamp;
    private readonly int slot;

    private PlainNodes(PlainNodes? previous, long sequence)
    {
        first = previous;
        rest = null;
        count = 1;
        traits = 0;
        this.sequence = sequence;
        invoker = Shared;
        method = Shared;
        key = null;
        stamp = 0;
        slot = 0;
    }

    /// <summary>A chain of <paramref name="count"/> plain nodes; returns the last.</summary>
    public static PlainNodes Chain(int count)
    {
        PlainNodes? last = null;
        for (int i = 0; i < count; i++)
        {
            last = new PlainNodes(last, i);
        }

        return last!;
    }

    public override string ToString() => $"{first is null} {rest} {count} {traits} {sequence} {invoker} {method} {key} {stamp} {slot}";
}

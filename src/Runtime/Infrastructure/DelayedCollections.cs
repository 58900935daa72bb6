using System;
using System.Collections.Generic;
using System.Linq;
using TaskGraph.Nodes;

namespace TaskGraph.Infrastructure;

/// <summary>
/// Turns a sequence of handles into one node whose value is the collection of their values, in the
/// shape a <c>[Delayed]</c> method's collection parameter asks for (dask traverses lists the same
/// way). Used by generated code; users call <see cref="Delayed.All{T}(IEnumerable{Delayed{T}})"/>.
/// A <see langword="null"/> handle among the items reads as <see langword="default"/>.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class DelayedCollections
{
    /// <summary>The values as an array.</summary>
    public static Delayed<T[]> ToArray<T>(IEnumerable<Delayed<T>> items)
        => Collect(items, static (args, _) => ReadAll<T>(args));

    /// <summary>The values as a new list.</summary>
    public static Delayed<List<T>> ToList<T>(IEnumerable<Delayed<T>> items)
        => Collect(items, static (args, _) => new List<T>(ReadAll<T>(args)));

    /// <summary>The values as a read-only list.</summary>
    public static Delayed<IReadOnlyList<T>> ToReadOnlyList<T>(IEnumerable<Delayed<T>> items)
        => Collect<IReadOnlyList<T>>(items, static (args, _) => Array.AsReadOnly(ReadAll<T>(args)));

    /// <summary>The values as a read-only collection.</summary>
    public static Delayed<IReadOnlyCollection<T>> ToReadOnlyCollection<T>(IEnumerable<Delayed<T>> items)
        => Collect<IReadOnlyCollection<T>>(items, static (args, _) => Array.AsReadOnly(ReadAll<T>(args)));

    /// <summary>The values as a sequence.</summary>
    public static Delayed<IEnumerable<T>> ToEnumerable<T>(IEnumerable<Delayed<T>> items)
        => Collect<IEnumerable<T>>(items, static (args, _) => Array.AsReadOnly(ReadAll<T>(args)));

    // A collection is a call with no method: one task that gathers its arguments' values.
    private static Delayed<TCollection> Collect<TCollection>(IEnumerable<DelayedNode?> items, DelayedInvoker<TCollection> gather)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new CallNode<TCollection>(null, gather, null, new NodeArguments(items.ToArray()));
    }

    private static T[] ReadAll<T>(DelayedArguments args) => args.ReadAll<T>();
}

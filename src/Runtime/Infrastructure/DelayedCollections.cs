using System.Collections.Generic;

namespace TaskGraph.Infrastructure;

/// <summary>
/// Turns a sequence of handles into one node whose value is the collection of their values, in the
/// shape a <c>[Delayed]</c> method's collection parameter asks for (dask traverses lists the same
/// way). Used by generated code; users call <see cref="Delayed.All{T}(IEnumerable{Delayed{T}})"/>.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class DelayedCollections
{
    /// <summary>The values as an array.</summary>
    public static Delayed<T[]> ToArray<T>(IEnumerable<Delayed<T>> items) => throw new System.NotImplementedException();

    /// <summary>The values as a new list.</summary>
    public static Delayed<List<T>> ToList<T>(IEnumerable<Delayed<T>> items) => throw new System.NotImplementedException();

    /// <summary>The values as a read-only list.</summary>
    public static Delayed<IReadOnlyList<T>> ToReadOnlyList<T>(IEnumerable<Delayed<T>> items) => throw new System.NotImplementedException();

    /// <summary>The values as a read-only collection.</summary>
    public static Delayed<IReadOnlyCollection<T>> ToReadOnlyCollection<T>(IEnumerable<Delayed<T>> items) => throw new System.NotImplementedException();

    /// <summary>The values as a sequence.</summary>
    public static Delayed<IEnumerable<T>> ToEnumerable<T>(IEnumerable<Delayed<T>> items) => throw new System.NotImplementedException();
}

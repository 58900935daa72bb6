using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TaskGraph;

/// <summary>Builds constant and collection nodes, and computes several handles at once so that the nodes they share run once.</summary>
public static class Delayed
{
    /// <summary>A constant node holding <paramref name="value"/>.</summary>
    public static Delayed<T> Value<T>(T value) => throw new System.NotImplementedException();

    /// <summary>One node whose value is the array of the values of <paramref name="items"/>, in order.</summary>
    public static Delayed<T[]> All<T>(IEnumerable<Delayed<T>> items) => Infrastructure.DelayedCollections.ToArray(items);

    /// <summary>Runs the graph behind <paramref name="target"/> and returns its value, blocking until then.</summary>
    public static T Compute<T>(Delayed<T> target, ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => throw new System.NotImplementedException();

    /// <summary>Runs the graph behind <paramref name="target"/>.</summary>
    public static Task<T> ComputeAsync<T>(Delayed<T> target, ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => throw new System.NotImplementedException();

    // Multi-output computes (tuples of 2..N handles, and sequences) are added by the runtime work.
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Nodes;
using TaskGraph.Scheduling;

namespace TaskGraph;

/// <summary>Builds constant and collection nodes, and computes several handles at once so that the nodes they share run once.</summary>
/// <remarks>
/// Every compute method blocks (<c>Compute</c>) or completes (<c>ComputeAsync</c>) only once no task of
/// the compute is still running. A failing task ends the compute with a <see cref="DelayedTaskException"/>
/// that names it and carries its exception; a signalled token ends it with an
/// <see cref="OperationCanceledException"/>. In both cases no task starts afterwards and running tasks
/// see cancellation.
/// </remarks>
public static partial class Delayed
{
    /// <summary>A constant node holding <paramref name="value"/>.</summary>
    public static Delayed<T> Value<T>(T value) => new ConstantNode<T>(value);

    /// <summary>One node whose value is the array of the values of <paramref name="items"/>, in order.</summary>
    public static Delayed<T[]> All<T>(IEnumerable<Delayed<T>> items) => Infrastructure.DelayedCollections.ToArray(items);

    /// <summary>Runs the graph behind <paramref name="target"/> and returns its value, blocking until then.</summary>
    /// <exception cref="DelayedTaskException">A task failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static T Compute<T>(Delayed<T> target, ComputeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ComputeEntry.Run(new DelayedNode[] { target }, options, cancellationToken, static c => c.Read<T>(0));
    }

    /// <summary>Runs the graph behind <paramref name="target"/>.</summary>
    /// <exception cref="DelayedTaskException">A task failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static Task<T> ComputeAsync<T>(Delayed<T> target, ComputeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ComputeEntry.RunAsync(new DelayedNode[] { target }, options, cancellationToken, static c => c.Read<T>(0));
    }

    /// <summary>Runs the graphs behind two handles in one compute (shared nodes run once) and returns both values.</summary>
    /// <exception cref="DelayedTaskException">A task failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static (T1, T2) Compute<T1, T2>(Delayed<T1> first, Delayed<T2> second, ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => ComputeEntry.Run(new DelayedNode?[] { first, second }, options, cancellationToken, static c => (c.Read<T1>(0), c.Read<T2>(1)));

    /// <summary>Runs the graphs behind three handles in one compute (shared nodes run once) and returns the values.</summary>
    /// <exception cref="DelayedTaskException">A task failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static (T1, T2, T3) Compute<T1, T2, T3>(Delayed<T1> first, Delayed<T2> second, Delayed<T3> third, ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => ComputeEntry.Run(new DelayedNode?[] { first, second, third }, options, cancellationToken, static c => (c.Read<T1>(0), c.Read<T2>(1), c.Read<T3>(2)));

    /// <summary>Runs the graphs behind four handles in one compute (shared nodes run once) and returns the values.</summary>
    /// <exception cref="DelayedTaskException">A task failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static (T1, T2, T3, T4) Compute<T1, T2, T3, T4>(Delayed<T1> first, Delayed<T2> second, Delayed<T3> third, Delayed<T4> fourth, ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => ComputeEntry.Run(new DelayedNode?[] { first, second, third, fourth }, options, cancellationToken, static c => (c.Read<T1>(0), c.Read<T2>(1), c.Read<T3>(2), c.Read<T4>(3)));

    /// <summary>Runs the graphs behind every handle of <paramref name="targets"/> in one compute (shared nodes run once) and returns the values in order.</summary>
    /// <exception cref="ArgumentException">A handle is <see langword="null"/>.</exception>
    /// <exception cref="DelayedTaskException">A task failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static T[] Compute<T>(IEnumerable<Delayed<T>> targets, ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => ComputeEntry.Run(ToTargets(targets), options, cancellationToken, static c => c.ReadAll<T>());

    /// <summary>Runs the graphs behind two handles in one compute (shared nodes run once).</summary>
    /// <exception cref="DelayedTaskException">A task failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static Task<(T1, T2)> ComputeAsync<T1, T2>(Delayed<T1> first, Delayed<T2> second, ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => ComputeEntry.RunAsync(new DelayedNode?[] { first, second }, options, cancellationToken, static c => (c.Read<T1>(0), c.Read<T2>(1)));

    /// <summary>Runs the graphs behind three handles in one compute (shared nodes run once).</summary>
    /// <exception cref="DelayedTaskException">A task failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static Task<(T1, T2, T3)> ComputeAsync<T1, T2, T3>(Delayed<T1> first, Delayed<T2> second, Delayed<T3> third, ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => ComputeEntry.RunAsync(new DelayedNode?[] { first, second, third }, options, cancellationToken, static c => (c.Read<T1>(0), c.Read<T2>(1), c.Read<T3>(2)));

    /// <summary>Runs the graphs behind four handles in one compute (shared nodes run once).</summary>
    /// <exception cref="DelayedTaskException">A task failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static Task<(T1, T2, T3, T4)> ComputeAsync<T1, T2, T3, T4>(Delayed<T1> first, Delayed<T2> second, Delayed<T3> third, Delayed<T4> fourth, ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => ComputeEntry.RunAsync(new DelayedNode?[] { first, second, third, fourth }, options, cancellationToken, static c => (c.Read<T1>(0), c.Read<T2>(1), c.Read<T3>(2), c.Read<T4>(3)));

    /// <summary>Runs the graphs behind every handle of <paramref name="targets"/> in one compute (shared nodes run once); the values come in order.</summary>
    /// <exception cref="ArgumentException">A handle is <see langword="null"/>.</exception>
    /// <exception cref="DelayedTaskException">A task failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public static Task<T[]> ComputeAsync<T>(IEnumerable<Delayed<T>> targets, ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => ComputeEntry.RunAsync(ToTargets(targets), options, cancellationToken, static c => c.ReadAll<T>());

    private static DelayedNode?[] ToTargets<T>(IEnumerable<Delayed<T>> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return targets.ToArray<DelayedNode?>();
    }
}

using System.Threading;
using System.Threading.Tasks;

namespace TaskGraph;

/// <summary>
/// A lazy value of type <typeparamref name="T"/>: a handle to a node of a task graph. Calling a
/// generated wrapper (<c>LoadDelayed(path)</c>) returns one without running anything;
/// <see cref="Compute"/> or <see cref="ComputeAsync(ComputeOptions?, CancellationToken)"/> runs the
/// graph behind it. A plain <typeparamref name="T"/> converts implicitly into a constant node.
/// </summary>
/// <typeparam name="T">The type of the value the graph computes.</typeparam>
public abstract class Delayed<T> : DelayedNode
{
    private protected Delayed(Nodes.NodeArguments arguments, NodeTraits traits)
        : base(arguments, traits)
    {
    }

    /// <summary>Wraps a value that is already known as a constant node of the graph.</summary>
    public static implicit operator Delayed<T>(T value) => Delayed.Value(value);

    /// <summary>Runs the graph behind this handle and returns its value, blocking the calling thread until then.</summary>
    /// <param name="options">Scheduler, parallelism, progress and observers; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the compute: no task starts after it is signalled, running tasks see it.</param>
    /// <exception cref="DelayedTaskException">A task failed; the exception names it and carries the original exception.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public T Compute(ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => Delayed.Compute(this, options, cancellationToken);

    /// <summary>Runs the graph behind this handle; the returned task completes with its value once no task of the compute is still running.</summary>
    /// <param name="options">Scheduler, parallelism, progress and observers; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the compute: no task starts after it is signalled, running tasks see it.</param>
    /// <exception cref="DelayedTaskException">A task failed; the exception names it and carries the original exception.</exception>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was signalled.</exception>
    public Task<T> ComputeAsync(ComputeOptions? options = null, CancellationToken cancellationToken = default)
        => Delayed.ComputeAsync(this, options, cancellationToken);

    /// <summary>Runs the graph behind this handle with the default options.</summary>
    /// <param name="cancellationToken">Cancels the compute.</param>
    public Task<T> ComputeAsync(CancellationToken cancellationToken)
        => Delayed.ComputeAsync(this, null, cancellationToken);
}

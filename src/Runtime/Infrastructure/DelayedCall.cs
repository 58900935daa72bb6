using System.Threading.Tasks;

namespace TaskGraph.Infrastructure;

/// <summary>
/// Creates call nodes. Generated wrappers call these; each call adds one immutable node holding the
/// method's descriptor, its invoker and its argument nodes. Used by generated code only.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class DelayedCall
{
    /// <summary>A node that calls a synchronous method. A <see langword="null"/> argument handle reads as <see langword="default"/>.</summary>
    public static Delayed<TResult> Create<TResult>(DelayedMethod method, DelayedInvoker<TResult> invoker, params DelayedNode?[] arguments)
        => throw new System.NotImplementedException();

    /// <summary>A node that calls an asynchronous method; the runtime awaits it without holding a thread.</summary>
    public static Delayed<TResult> CreateAsync<TResult>(DelayedMethod method, AsyncDelayedInvoker<TResult> invoker, params DelayedNode?[] arguments)
        => throw new System.NotImplementedException();

    /// <summary>Adapts a method returning <see cref="Task"/> to a <see cref="Unit"/> result.</summary>
    public static ValueTask<Unit> ToUnit(Task task) => throw new System.NotImplementedException();

    /// <summary>Adapts a method returning <see cref="ValueTask"/> to a <see cref="Unit"/> result.</summary>
    public static ValueTask<Unit> ToUnit(ValueTask task) => throw new System.NotImplementedException();
}

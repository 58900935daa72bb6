using System;
using System.Threading.Tasks;
using TaskGraph.Nodes;

namespace TaskGraph.Infrastructure;

/// <summary>
/// Creates call nodes. Generated wrappers call these; each call adds one immutable node holding the
/// method's descriptor, its invoker and its argument nodes. Used by generated code only.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class DelayedCall
{
    /// <summary>A node that calls a synchronous method. A <see langword="null"/> argument handle reads as <see langword="default"/>.</summary>
    /// <remarks>The node keeps <paramref name="arguments"/> as it is (generated code passes a fresh array): do not change it afterwards.</remarks>
    /// <exception cref="ArgumentException">The number of arguments differs from the method's <see cref="DelayedMethod.ParameterNames"/>.</exception>
    public static Delayed<TResult> Create<TResult>(DelayedMethod method, DelayedInvoker<TResult> invoker, params DelayedNode?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        CheckArguments(method, arguments);
        return new CallNode<TResult>(method, invoker, null, arguments);
    }

    /// <summary>A node that calls an asynchronous method; the runtime awaits it without holding a thread.</summary>
    /// <remarks>The node keeps <paramref name="arguments"/> as it is (generated code passes a fresh array): do not change it afterwards.</remarks>
    /// <exception cref="ArgumentException">The number of arguments differs from the method's <see cref="DelayedMethod.ParameterNames"/>.</exception>
    public static Delayed<TResult> CreateAsync<TResult>(DelayedMethod method, AsyncDelayedInvoker<TResult> invoker, params DelayedNode?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        CheckArguments(method, arguments);
        return new CallNode<TResult>(method, null, invoker, arguments);
    }

    /// <summary>Adapts a method returning <see cref="Task"/> to a <see cref="Unit"/> result.</summary>
    public static ValueTask<Unit> ToUnit(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsCompletedSuccessfully ? new ValueTask<Unit>(Unit.Value) : AwaitUnit(task);

        static async ValueTask<Unit> AwaitUnit(Task task)
        {
            await task.ConfigureAwait(false);
            return Unit.Value;
        }
    }

    /// <summary>Adapts a method returning <see cref="ValueTask"/> to a <see cref="Unit"/> result.</summary>
    public static ValueTask<Unit> ToUnit(ValueTask task)
    {
        return task.IsCompletedSuccessfully ? new ValueTask<Unit>(Unit.Value) : AwaitUnit(task);

        static async ValueTask<Unit> AwaitUnit(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return Unit.Value;
        }
    }

    private static void CheckArguments(DelayedMethod method, DelayedNode?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length != method.ParameterNames.Count)
        {
            throw new ArgumentException(
                $"{method.ContainingType}.{method.Name} takes {method.ParameterNames.Count} arguments ({string.Join(", ", method.ParameterNames)}) but {arguments.Length} were given.",
                nameof(arguments));
        }
    }
}

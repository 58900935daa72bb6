using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using TaskGraph.Scheduling;

namespace TaskGraph.Nodes;

/// <summary>
/// A call of a <c>[Delayed]</c> method (or, with no method, the collection of its arguments' values).
/// Holds exactly one of the two invokers.
/// </summary>
internal sealed partial class CallNode<T> : Delayed<T>
{
    /// <summary>The name in keys of collection nodes, which have no method.</summary>
    internal const string CollectionName = "All";

    /// <summary>A <see cref="DelayedInvoker{TResult}"/>, or for an asynchronous method (<see cref="NodeTraits.Async"/>) an <see cref="AsyncDelayedInvoker{TResult}"/>: one field for either keeps nodes small.</summary>
    private readonly Delegate invoker;
    private readonly long sequence;
    private string? key;

    internal CallNode(DelayedMethod? method, DelayedInvoker<T>? invoker, AsyncDelayedInvoker<T>? asyncInvoker, NodeArguments arguments)
        : base(arguments, TraitsOf(method, arguments, isAsync: asyncInvoker is not null))
    {
        Method = method;
        this.invoker = (Delegate?)invoker ?? asyncInvoker!;
        sequence = NodeSequence.Next();
    }

    public override DelayedMethod? Method { get; }

    internal string Name => Method?.Name ?? CollectionName;

    public override string Key => key ?? PublishKey();

    internal override bool HasKey => key is not null;

    internal Delegate Invoker => invoker;

    internal override bool Invoke(TaskTable owner, int slot, CancellationToken cancellationToken)
    {
        var arguments = new DelayedArguments(owner, slot);
        if (!IsAsync)
        {
            owner.StoreResult(slot, ((DelayedInvoker<T>)invoker)(arguments, cancellationToken));
            return true;
        }

        ValueTask<T> pending = ((AsyncDelayedInvoker<T>)invoker)(arguments, cancellationToken);
        if (pending.IsCompleted)
        {
            // Throws the method's own exception when it failed synchronously.
            owner.StoreResult(slot, pending.Result);
            return true;
        }

        owner.AwaitResult(slot, new AwaitedResult<T>(pending));
        return false;
    }

    internal override ValueTask<object?> InvokeWithArgumentsAsync(DelayedArguments arguments, CancellationToken cancellationToken)
    {
        try
        {
            return IsAsync
                ? Boxed(((AsyncDelayedInvoker<T>)invoker)(arguments, cancellationToken))
                : new ValueTask<object?>(((DelayedInvoker<T>)invoker)(arguments, cancellationToken));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<object?>(exception);
        }

        static async ValueTask<object?> Boxed(ValueTask<T> pending) => await pending.ConfigureAwait(false);
    }

    internal override bool IsSameCall(DelayedNode other)
        => other is CallNode<T> call && ReferenceEquals(call.Method, Method) && call.Invoker.Equals(Invoker);

    internal override int CallHashCode => HashCode.Combine(RuntimeHelpers.GetHashCode(Method), Invoker.GetHashCode());

    private static NodeTraits TraitsOf(DelayedMethod? method, NodeArguments arguments, bool isAsync)
        => (method is { Pure: true } ? NodeTraits.Pure : NodeTraits.None)
            | (method is { Blocking: true } ? NodeTraits.Blocking : NodeTraits.None)
            | (isAsync ? NodeTraits.Async : NodeTraits.None)
            | (method is { Retries: > 0 } or { TimeoutMilliseconds: > 0 } ? NodeTraits.Guarded : NodeTraits.None)
            | arguments.Traits();

    private string PublishKey()
    {
        string created = IsPure ? PureKeys.Create(this) : $"{Name}-{sequence}";
        return Interlocked.CompareExchange(ref key, created, null) ?? created;
    }
}

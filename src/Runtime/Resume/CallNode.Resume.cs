using System;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;

namespace TaskGraph.Nodes;

internal sealed partial class CallNode<T>
{
    internal override Type ResultType => typeof(T);

    internal override DelayedNode StoredResult(object? value) => new ConstantNode<T>((T)value!);

    internal override DelayedNode Resumed(NodeArguments arguments, IResultStore? store, string? storeKey)
    {
        var resumed = store is null
            ? new CallNode<T>(Method, invoker as DelayedInvoker<T>, invoker as AsyncDelayedInvoker<T>, arguments)
            : IsAsync
                ? new CallNode<T>(Method, null, WritingAsync((AsyncDelayedInvoker<T>)invoker, store, storeKey!), arguments)
                : new CallNode<T>(Method, Writing((DelayedInvoker<T>)invoker, store, storeKey!), null, arguments);

        // Observers and pictures know the task by the key of the node the user built.
        resumed.key = Key;
        return resumed;
    }

    private string Label => Method is { } method ? method.ContainingType + "." + method.Name : CollectionName;

    private DelayedInvoker<T> Writing(DelayedInvoker<T> inner, IResultStore store, string storeKey)
    {
        string label = Label;
        return (arguments, cancellationToken) =>
        {
            T result = inner(arguments, cancellationToken);
            store.Write(storeKey, label, typeof(T), result);
            return result;
        };
    }

    private AsyncDelayedInvoker<T> WritingAsync(AsyncDelayedInvoker<T> inner, IResultStore store, string storeKey)
    {
        string label = Label;
        return async (arguments, cancellationToken) =>
        {
            T result = await inner(arguments, cancellationToken).ConfigureAwait(false);
            store.Write(storeKey, label, typeof(T), result);
            return result;
        };
    }
}

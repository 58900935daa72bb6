using System;
using System.Threading.Tasks;
using TaskGraph.Nodes;
using TaskGraph.Shared;

namespace TaskGraph.Infrastructure;

/// <summary>
/// Creates call nodes, and the method descriptors they hold. Generated wrappers call these; each call
/// adds one immutable node holding the method's descriptor, its invoker and its argument nodes. Used by
/// generated code only.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class DelayedCall
{
    /// <summary>A node that calls a synchronous method. A <see langword="null"/> argument handle reads as <see langword="default"/>.</summary>
    /// <remarks>The node keeps <paramref name="arguments"/> as it is (generated code passes a fresh array): do not change it afterwards.</remarks>
    /// <exception cref="ArgumentException">The number of arguments differs from the method's <see cref="DelayedMethod.ParameterNames"/>.</exception>
    public static Delayed<TResult> Create<TResult>(DelayedMethod method, DelayedInvoker<TResult> invoker, params DelayedNode?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return CreateCall(method, invoker, null, new NodeArguments(arguments));
    }

    /// <summary>A node that calls a synchronous method of one parameter, without an argument array: the node holds the handle itself.</summary>
    /// <exception cref="ArgumentException">The method does not take exactly one argument.</exception>
    public static Delayed<TResult> Create<TResult>(DelayedMethod method, DelayedInvoker<TResult> invoker, DelayedNode? argument)
        => CreateCall(method, invoker, null, new NodeArguments(argument));

    /// <summary>A node that calls a synchronous method of two parameters, without an argument array: the node holds the handles itself.</summary>
    /// <exception cref="ArgumentException">The method does not take exactly two arguments.</exception>
    public static Delayed<TResult> Create<TResult>(DelayedMethod method, DelayedInvoker<TResult> invoker, DelayedNode? first, DelayedNode? second)
        => CreateCall(method, invoker, null, new NodeArguments(first, second));

    /// <summary>A node that calls an asynchronous method; the runtime awaits it without holding a thread.</summary>
    /// <remarks>The node keeps <paramref name="arguments"/> as it is (generated code passes a fresh array): do not change it afterwards.</remarks>
    /// <exception cref="ArgumentException">The number of arguments differs from the method's <see cref="DelayedMethod.ParameterNames"/>.</exception>
    public static Delayed<TResult> CreateAsync<TResult>(DelayedMethod method, AsyncDelayedInvoker<TResult> invoker, params DelayedNode?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return CreateCall(method, null, invoker, new NodeArguments(arguments));
    }

    /// <summary>A node that calls an asynchronous method of one parameter, without an argument array.</summary>
    /// <exception cref="ArgumentException">The method does not take exactly one argument.</exception>
    public static Delayed<TResult> CreateAsync<TResult>(DelayedMethod method, AsyncDelayedInvoker<TResult> invoker, DelayedNode? argument)
        => CreateCall(method, null, invoker, new NodeArguments(argument));

    /// <summary>A node that calls an asynchronous method of two parameters, without an argument array.</summary>
    /// <exception cref="ArgumentException">The method does not take exactly two arguments.</exception>
    public static Delayed<TResult> CreateAsync<TResult>(DelayedMethod method, AsyncDelayedInvoker<TResult> invoker, DelayedNode? first, DelayedNode? second)
        => CreateCall(method, null, invoker, new NodeArguments(first, second));

    /// <summary>
    /// The descriptors of one type's wrapped methods, from one entry per method:
    /// <c>id|name|parameter,names|ResultKind</c>, then optional <c>|Pure</c>, <c>|Blocking</c>, <c>|Checkpoint</c>, <c>|Retries=N</c>,
    /// <c>|RetryDelayMilliseconds=N</c>, <c>|TimeoutMilliseconds=N</c>, <c>|Version=hex</c>. One call per type instead of an object
    /// initializer per method keeps generated code cheap to compile.
    /// </summary>
    /// <param name="containingType">The containing type's display name, e.g. <c>Ns.Etl</c>.</param>
    /// <param name="methods">One entry per method; the descriptors come back in the same order.</param>
    /// <exception cref="ArgumentException">An entry is malformed (the message names it).</exception>
    public static DelayedMethod[] Describe(string containingType, params string[] methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var descriptors = new DelayedMethod[methods.Length];
        for (int i = 0; i < methods.Length; i++)
        {
            descriptors[i] = DescribeOne(containingType, methods[i] ?? throw new ArgumentException($"Method entry {i} is null.", nameof(methods)));
        }

        return descriptors;
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

    private static Delayed<TResult> CreateCall<TResult>(DelayedMethod method, DelayedInvoker<TResult>? invoker, AsyncDelayedInvoker<TResult>? asyncInvoker, NodeArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (invoker is null && asyncInvoker is null)
        {
            throw new ArgumentNullException(nameof(invoker));
        }

        if (arguments.Count != method.ParameterNames.Count)
        {
            throw new ArgumentException(
                $"{method.ContainingType}.{method.Name} takes {method.ParameterNames.Count} arguments ({string.Join(", ", method.ParameterNames)}) but {arguments.Count} were given.",
                "arguments");
        }

        return new CallNode<TResult>(method, invoker, asyncInvoker, arguments);
    }

    private static DelayedMethod DescribeOne(string containingType, string text)
    {
        var entry = DescriptorEntry.TryRead(text, out string error)
            ?? throw new ArgumentException(error, "methods");
        if (!Enum.TryParse(entry.ResultKind, ignoreCase: false, out DelayedResultKind kind) || !Enum.IsDefined(kind))
        {
            throw new ArgumentException($"Method entry '{text}' has an unknown result kind '{entry.ResultKind}'.", "methods");
        }

        return new DelayedMethod(entry.Id, entry.Name, containingType)
        {
            ParameterNames = entry.ParameterNames,
            ResultKind = kind,
            Pure = entry.Pure,
            Blocking = entry.Blocking,
            Checkpoint = entry.Checkpoint,
            CodeVersion = entry.CodeVersion,
            Retries = entry.Retries,
            RetryDelayMilliseconds = entry.RetryDelayMilliseconds,
            TimeoutMilliseconds = entry.TimeoutMilliseconds,
        };
    }
}

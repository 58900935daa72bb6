using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Execution;
using TaskGraph.Infrastructure;

namespace TaskGraph;

/// <summary>
/// The static description of a <c>[Delayed]</c> method, written by the source generator once per
/// method. It names tasks (keys, labels in graph pictures, errors) and, with the argument values, is
/// all that identifies a call.
/// </summary>
public sealed class DelayedMethod
{
    /// <summary>Creates a descriptor. Generated code calls this; user code rarely needs to.</summary>
    /// <param name="id">A stable identifier from the method's full signature (its documentation comment id, e.g. <c>M:Ns.Etl.Process(Ns.Data,Ns.Data)</c>).</param>
    /// <param name="name">The method's name as written, e.g. <c>Process</c>.</param>
    /// <param name="containingType">The containing type's display name, e.g. <c>Ns.Etl</c>.</param>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    public DelayedMethod(string id, string name, string containingType)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(containingType);
        Id = id;
        Name = name;
        ContainingType = containingType;
    }

    /// <summary>The stable identifier from the full signature (a documentation comment id).</summary>
    public string Id { get; }

    /// <summary>The method's name, e.g. <c>Process</c>.</summary>
    public string Name { get; }

    /// <summary>The containing type's display name, e.g. <c>Ns.Etl</c>.</summary>
    public string ContainingType { get; }

    /// <summary>The names of the parameters the wrapper takes, in order (a <see cref="System.Threading.CancellationToken"/> parameter is not among them).</summary>
    public IReadOnlyList<string> ParameterNames { get; init; } = Array.Empty<string>();

    /// <summary>How the method returns its result.</summary>
    public DelayedResultKind ResultKind { get; init; }

    /// <summary>From <see cref="DelayedAttribute.Pure"/>: calls with equal arguments share one task.</summary>
    public bool Pure { get; init; }

    /// <summary>From <see cref="DelayedAttribute.Checkpoint"/>: results are kept in and reused from the compute's <see cref="ComputeOptions.ResultStore"/>.</summary>
    public bool Checkpoint { get; init; }

    /// <summary>
    /// A hash of the method's code that the generator writes (its declaration's tokens, without comments and
    /// whitespace): stored results of an older version of the method are not reused. Empty when not known.
    /// </summary>
    public string CodeVersion { get; init; } = string.Empty;

    /// <summary>From <see cref="DelayedAttribute.Blocking"/>: the method runs outside the CPU-sized pool.</summary>
    public bool Blocking { get; init; }

    /// <summary>From <see cref="DelayedAttribute.Retries"/>: how many times a failing call runs again (0: the compute's default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int Retries
    {
        get => retries;
        init => retries = NotNegative(value, nameof(Retries));
    }

    /// <summary>From <see cref="DelayedAttribute.RetryDelayMilliseconds"/>: the wait before the first retry, doubled for each next one (0: the compute's default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int RetryDelayMilliseconds
    {
        get => retryDelayMilliseconds;
        init => retryDelayMilliseconds = NotNegative(value, nameof(RetryDelayMilliseconds));
    }

    /// <summary>From <see cref="DelayedAttribute.TimeoutMilliseconds"/>: the longest a call may run (0: the compute's default).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int TimeoutMilliseconds
    {
        get => timeoutMilliseconds;
        init => timeoutMilliseconds = NotNegative(value, nameof(TimeoutMilliseconds));
    }

    private readonly int retries;
    private readonly int retryDelayMilliseconds;
    private readonly int timeoutMilliseconds;

    /// <summary>Set once by <see cref="DelayedMethods.Register"/>: builds this method's node from argument nodes or values.</summary>
    private Func<IReadOnlyList<object?>, DelayedNode>? nodeFactory;

    /// <summary>A node with null handles, built on first <see cref="InvokeAsync"/>: its invoker runs the method from values.</summary>
    private DelayedNode? invokerNode;

    /// <summary>
    /// Whether this method can run from its id and argument values alone (<see cref="DelayedMethods.TryGet"/>
    /// finds it, <see cref="CreateNode"/> and <see cref="InvokeAsync"/> work). The generator registers static,
    /// non-generic methods of types that are not generic and are visible to their whole assembly; instance
    /// methods are not registered, because <c>this</c> does not travel: pass the state as an argument.
    /// </summary>
    public bool CanRunById => nodeFactory is not null;

    /// <summary>
    /// Builds this method's node, as its wrapper would, from one entry per parameter: a <see cref="DelayedNode"/>
    /// (the argument's node) or a plain value (a constant). What rebuilds an exported graph.
    /// </summary>
    /// <exception cref="InvalidOperationException">The method is not registered (see <see cref="CanRunById"/>).</exception>
    /// <exception cref="InvalidCastException">An entry does not fit its parameter (the message names both).</exception>
    public DelayedNode CreateNode(IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var factory = nodeFactory ?? throw NotRegistered();
        if (arguments.Count != ParameterNames.Count)
        {
            throw new ArgumentException($"{ContainingType}.{Name} takes {ParameterNames.Count} arguments ({string.Join(", ", ParameterNames)}) but {arguments.Count} were given.", nameof(arguments));
        }

        return factory(arguments);
    }

    /// <summary>Runs the method once with <paramref name="arguments"/> (one value per parameter, in order; null reads as default) and returns its result boxed (<see cref="Unit"/> for methods without one).</summary>
    /// <exception cref="InvalidOperationException">The method is not registered (see <see cref="CanRunById"/>).</exception>
    /// <exception cref="InvalidCastException">A value does not fit its parameter.</exception>
    /// <remarks>Exceptions of the method itself come out as they are (synchronously thrown ones through the returned task).</remarks>
    public ValueTask<object?> InvokeAsync(IReadOnlyList<object?> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var node = invokerNode ?? CreateInvokerNode();
        if (arguments.Count != ParameterNames.Count)
        {
            throw new ArgumentException($"{ContainingType}.{Name} takes {ParameterNames.Count} arguments but {arguments.Count} values were given.", nameof(arguments));
        }

        return node.InvokeWithArgumentsAsync(DelayedArguments.FromValues(arguments), cancellationToken);
    }

    /// <summary>Called once per method by <see cref="DelayedMethods.Register"/>.</summary>
    internal bool TrySetNodeFactory(Func<IReadOnlyList<object?>, DelayedNode> factory)
        => Interlocked.CompareExchange(ref nodeFactory, factory, null) is null;

    private DelayedNode CreateInvokerNode()
    {
        var node = CreateNode(new object?[ParameterNames.Count]);
        return Interlocked.CompareExchange(ref invokerNode, node, null) ?? node;
    }

    private InvalidOperationException NotRegistered()
        => new($"{ContainingType}.{Name} ({Id}) cannot run from its id: only static, non-generic [Delayed] methods of non-generic types visible to their assembly are registered (an instance method's 'this' does not travel; pass its state as an argument).");

    /// <summary>The label used in keys, pictures and messages: <c>Name</c>.</summary>
    public override string ToString() => Name;

    private static int NotNegative(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }
}

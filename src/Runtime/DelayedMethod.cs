using System;
using System.Collections.Generic;

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

    /// <summary>The label used in keys, pictures and messages: <c>Name</c>.</summary>
    public override string ToString() => Name;

    private static int NotNegative(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }
}

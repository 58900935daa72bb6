using System;

using Orleans;

namespace TaskGraph.Orleans.Wire;

/// <summary>What the client sends once per compute: the exported graph and the options the cluster honours.</summary>
[GenerateSerializer, Immutable]
internal sealed class GraphSubmission
{
    /// <summary>The tasks, inputs first (see <see cref="Execution.ExportedGraph"/>).</summary>
    [Id(0)] public WireTask[] Tasks { get; init; } = Array.Empty<WireTask>();

    /// <summary>The targets, in the caller's order.</summary>
    [Id(1)] public WireArgument[] Targets { get; init; } = Array.Empty<WireArgument>();

    /// <summary>Runs of a failing task beyond the first when its method sets none (<see cref="ComputeOptions.Retries"/>).</summary>
    [Id(2)] public int Retries { get; init; }

    /// <summary>The wait before the first retry, doubled for each next one.</summary>
    [Id(3)] public TimeSpan RetryDelay { get; init; }

    /// <summary>The longest one attempt may run when its method sets none; null for no limit.</summary>
    [Id(4)] public TimeSpan? TaskTimeout { get; init; }

    /// <summary>Tasks in flight on one silo at most; more wait in its queue (and may be stolen by an idle silo).</summary>
    [Id(5)] public int MaxInFlightPerSilo { get; init; }

    /// <summary>Whether linear chains run as one remote task.</summary>
    [Id(6)] public bool FuseChains { get; init; }
}

/// <summary>One task of a <see cref="GraphSubmission"/>.</summary>
[GenerateSerializer, Immutable]
internal sealed class WireTask
{
    [Id(0)] public string Key { get; init; } = string.Empty;

    /// <summary>The method's id; null for a collection.</summary>
    [Id(1)] public string? MethodId { get; init; }

    /// <summary>The assembly-qualified name of the task's value type (what a collection gathers into).</summary>
    [Id(2)] public string ResultType { get; init; } = string.Empty;

    [Id(3)] public WireArgument[] Arguments { get; init; } = Array.Empty<WireArgument>();

    /// <summary>The method's own retries (0: the compute's).</summary>
    [Id(4)] public int Retries { get; init; }

    /// <summary>The method's own timeout in milliseconds (0: the compute's).</summary>
    [Id(5)] public int TimeoutMilliseconds { get; init; }

    /// <summary>The method's own first retry delay in milliseconds (0: the compute's).</summary>
    [Id(6)] public int RetryDelayMilliseconds { get; init; }
}

/// <summary>An argument or target: task <see cref="Task"/>'s result, or when it is -1 the constant <see cref="Value"/>.</summary>
[GenerateSerializer, Immutable]
internal readonly record struct WireArgument([property: Id(0)] int Task, [property: Id(1)] object? Value);

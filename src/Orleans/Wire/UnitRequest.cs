using System;

using Orleans;

namespace TaskGraph.Orleans.Wire;

/// <summary>
/// What the coordinator sends a worker: one task, or a fused linear chain of tasks run one after the other
/// where each step after the first takes the previous step's value (its other arguments are constants).
/// Only the last step's value is kept.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed class UnitRequest
{
    [Id(0)] public Guid Compute { get; init; }

    [Id(1)] public TaskStep[] Steps { get; init; } = Array.Empty<TaskStep>();

    /// <summary>Whether the value comes back in the outcome (targets only).</summary>
    [Id(2)] public bool ReturnValue { get; init; }
}

/// <summary>One task of a <see cref="UnitRequest"/>.</summary>
[GenerateSerializer, Immutable]
internal sealed class TaskStep
{
    [Id(0)] public string Key { get; init; } = string.Empty;

    [Id(1)] public string? MethodId { get; init; }

    [Id(2)] public string ResultType { get; init; } = string.Empty;

    [Id(3)] public TaskInput[] Arguments { get; init; } = Array.Empty<TaskInput>();

    /// <summary>The attempt's time limit; null for none.</summary>
    [Id(4)] public TimeSpan? Timeout { get; init; }
}

/// <summary>
/// One argument of a step: a constant <see cref="Value"/>; or the result of task <see cref="Key"/>, held by the
/// worker on silo <see cref="Holder"/>; or (<see cref="PreviousStep"/>) the value of the step before.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed class TaskInput
{
    [Id(0)] public object? Value { get; init; }

    [Id(1)] public string? Key { get; init; }

    [Id(2)] public string? Holder { get; init; }

    [Id(3)] public bool PreviousStep { get; init; }
}

/// <summary>How a request ended. A failure names the step that failed; a lost input names the task whose result could not be fetched.</summary>
[GenerateSerializer]
internal sealed class TaskOutcome
{
    /// <summary>The size of the kept value as Orleans serializes it (what moving it would cost).</summary>
    [Id(0)] public long Bytes { get; init; }

    /// <summary>The value, when the request asked for it.</summary>
    [Id(1)] public object? Value { get; init; }

    /// <summary>The key of the step that threw; null when the request succeeded.</summary>
    [Id(2)] public string? FailedKey { get; init; }

    [Id(3)] public Exception? Error { get; init; }

    /// <summary>The key of an input whose holder no longer has it (its silo died): the coordinator recomputes it.</summary>
    [Id(4)] public string? LostInput { get; init; }

    /// <summary>Whether the attempt's time limit ran out (reported as a timeout, like on one machine).</summary>
    [Id(5)] public bool TimedOut { get; init; }

    /// <summary>The managed thread of the worker's silo that ran the last step (the dashboard's lane).</summary>
    [Id(6)] public int Thread { get; init; } = Environment.CurrentManagedThreadId;
}

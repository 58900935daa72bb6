using System;

using Orleans;

namespace TaskGraph.Orleans.Wire;

/// <summary>
/// How a <see cref="TaskTimeoutException"/> travels: the runtime's type has no Orleans codec (the runtime does not
/// reference Orleans), so it crosses as its key, limit and cause and arrives as the same type, as on one machine.
/// </summary>
[GenerateSerializer]
internal struct TaskTimeoutSurrogate
{
    [Id(0)] public string TaskKey;

    [Id(1)] public TimeSpan Timeout;

    [Id(2)] public Exception? Cause;
}

/// <summary>Turns a <see cref="TaskTimeoutException"/> into its <see cref="TaskTimeoutSurrogate"/> and back.</summary>
[RegisterConverter]
internal sealed class TaskTimeoutConverter : IConverter<TaskTimeoutException, TaskTimeoutSurrogate>
{
    public TaskTimeoutException ConvertFromSurrogate(in TaskTimeoutSurrogate surrogate)
        => new(surrogate.TaskKey, surrogate.Timeout, surrogate.Cause);

    public TaskTimeoutSurrogate ConvertToSurrogate(in TaskTimeoutException value)
        => new() { TaskKey = value.TaskKey, Timeout = value.Timeout, Cause = value.InnerException };
}

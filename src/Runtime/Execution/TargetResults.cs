using System;

namespace TaskGraph.Execution;

/// <summary>
/// The values of a compute's targets, as a scheduler hands them back (<see cref="ComputeScheduler.StartCompute"/>):
/// read once by the compute's entry point, typed by the caller's handles, then let go.
/// </summary>
internal abstract class TargetResults
{
    /// <summary>The number of targets.</summary>
    internal abstract int Count { get; }

    /// <summary>The value of target <paramref name="index"/>.</summary>
    /// <exception cref="InvalidCastException">The value is not a <typeparamref name="T"/> (the message names the task).</exception>
    internal abstract T Read<T>(int index);

    /// <summary>The caller has read the values: whatever holds them may go.</summary>
    internal abstract void Release();

    /// <summary>The values of all targets, which are all <see cref="Delayed{T}"/>.</summary>
    internal T[] ReadAll<T>()
    {
        var values = new T[Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Read<T>(i);
        }

        return values;
    }

    /// <summary>The error for a target whose value does not fit the caller's handle.</summary>
    private protected static InvalidCastException NotOfType<T>(int index, DelayedNode target, object? value)
        => new($"Target {index} is '{target.Key}', whose result ({value?.GetType().Name ?? "null"}) is not of type {typeof(T).Name}.");
}

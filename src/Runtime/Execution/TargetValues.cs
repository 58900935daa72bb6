using System;

namespace TaskGraph.Execution;

/// <summary>Target values a scheduler received untyped (from another process): each is cast to the caller's type when read.</summary>
internal sealed class TargetValues : TargetResults
{
    private readonly DelayedNode[] targets;
    private readonly object?[] values;

    /// <summary>The values of <paramref name="targets"/>, in the same order.</summary>
    internal TargetValues(DelayedNode[] targets, object?[] values)
    {
        if (values.Length != targets.Length)
        {
            throw new ArgumentException($"{values.Length} values for {targets.Length} targets.", nameof(values));
        }

        this.targets = targets;
        this.values = values;
    }

    internal override int Count => values.Length;

    internal override T Read<T>(int index)
        => values[index] switch
        {
            T typed => typed,
            null when default(T) is null => default!,
            var other => throw NotOfType<T>(index, targets[index], other),
        };

    internal override void Release()
    {
    }
}

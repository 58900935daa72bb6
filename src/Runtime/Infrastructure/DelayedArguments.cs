using System;
using System.Collections.Generic;
using TaskGraph.Scheduling;

namespace TaskGraph.Infrastructure;

/// <summary>
/// The computed argument values of one task, read by the generated invoker by position and type.
/// Used by generated code only.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public readonly struct DelayedArguments
{
    private readonly Computation? owner;
    private readonly int slot;
    private readonly IReadOnlyList<object?>? values;

    internal DelayedArguments(Computation owner, int slot)
    {
        this.owner = owner;
        this.slot = slot;
        values = null;
    }

    private DelayedArguments(IReadOnlyList<object?> values)
    {
        owner = null;
        slot = 0;
        this.values = values;
    }

    /// <summary>Arguments read from plain values (a <see langword="null"/> value reads as <see langword="default"/>): what lets a task run outside a compute.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static DelayedArguments FromValues(IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new DelayedArguments(values);
    }

    /// <summary>The value of argument <paramref name="index"/>; a <see langword="null"/> handle reads as <see langword="default"/>.</summary>
    /// <exception cref="InvalidOperationException">These arguments do not belong to a running task.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an argument's position.</exception>
    /// <exception cref="InvalidCastException">The argument's node is not a <see cref="Delayed{T}"/> of <typeparamref name="T"/>.</exception>
    public T Get<T>(int index)
        => values is not null ? (values[index] is { } value ? (T)value : default!)
            : owner is null
            ? throw new InvalidOperationException("These arguments belong to no task: the runtime creates them when it runs one.")
            : owner.Argument<T>(slot, index);

    /// <summary>The values of all arguments, in order (a collection's items).</summary>
    internal T[] ReadAll<T>()
    {
        if (values is not null)
        {
            var all = new T[values.Count];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = Get<T>(i);
            }

            return all;
        }

        return owner is null
            ? throw new InvalidOperationException("These arguments belong to no task: the runtime creates them when it runs one.")
            : owner.Arguments<T>(slot);
    }
}

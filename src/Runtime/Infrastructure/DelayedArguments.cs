using System;
using System.Collections.Generic;
using TaskGraph.Scheduling;

namespace TaskGraph.Infrastructure;

/// <summary>
/// The computed argument values of one task, read by the generated invoker by position and type: a
/// running task's inputs in its compute, or plain values (<see cref="FromValues"/>). Used by generated code only.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public readonly struct DelayedArguments
{
    /// <summary>The compute of a running task (read at <see cref="slot"/>), or an <see cref="IReadOnlyList{T}"/> of plain values; one field keeps the struct two words.</summary>
    private readonly object? source;
    private readonly int slot;

    internal DelayedArguments(Computation owner, int slot)
    {
        source = owner;
        this.slot = slot;
    }

    private DelayedArguments(IReadOnlyList<object?> values)
    {
        source = values;
        slot = 0;
    }

    /// <summary>
    /// Arguments given as plain values, in parameter order (what another process received for a task):
    /// <see cref="Get{T}(int)"/> returns <c>(T)values[index]</c>, a <see langword="null"/> reading as <see langword="default"/>.
    /// </summary>
    /// <param name="values">One value per parameter (a collection node: one per item). Kept, not copied.</param>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static DelayedArguments FromValues(IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new DelayedArguments(values);
    }

    /// <summary>The value of argument <paramref name="index"/>; a <see langword="null"/> handle reads as <see langword="default"/>.</summary>
    /// <exception cref="InvalidOperationException">These arguments belong to no task and hold no values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an argument's position.</exception>
    /// <exception cref="InvalidCastException">The argument is not a <typeparamref name="T"/>.</exception>
    public T Get<T>(int index)
        => source is Computation owner ? owner.Argument<T>(slot, index) : ValueAt<T>(index);

    /// <summary>The values of all arguments, in order (a collection's items).</summary>
    internal T[] ReadAll<T>()
    {
        if (source is Computation owner)
        {
            return owner.Arguments<T>(slot);
        }

        var values = new T[Values.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = ValueAt<T>(i);
        }

        return values;
    }

    private IReadOnlyList<object?> Values
        => source as IReadOnlyList<object?>
            ?? throw new InvalidOperationException("These arguments belong to no task and hold no values: the runtime creates them when it runs one, or DelayedArguments.FromValues from values.");

    private T ValueAt<T>(int index)
    {
        IReadOnlyList<object?> values = Values;
        if ((uint)index >= (uint)values.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The arguments hold {values.Count} values.");
        }

        return values[index] switch
        {
            T typed => typed,
            null => default!,
            object other => throw new InvalidCastException($"Argument {index} is a {other.GetType().Name}, not the {typeof(T).Name} it is read as."),
        };
    }
}

/*
 * The task table of one compute: the plan's flat arrays, by slot, and what generated invokers read and
 * write through it. Nodes see this and nothing else of the compute (CallNode.Invoke, DelayedArguments,
 * AwaitedResult): they never reach the loop, the queue or the lifetime.
 *
 * Invariants:
 *  - Tasks has Count + 1 entries in use; entry Count holds only the ends of the last task's ranges.
 *  - A task's arguments are ArgumentSlots[ArgumentStart .. next ArgumentStart] (-1: a constant or a null
 *    handle, read from the node); every input slot is smaller than its consumer's (planning's post-order).
 *  - A task's consumers are Consumers[ConsumerStart .. next ConsumerStart], one per argument occurrence:
 *    the consumer's slot, or ~slot (negative) for a blocking one.
 *  - A result is written once per attempt, by the task's own invoker (or an executor's report), before
 *    the task is completed; it is read by consumers only after they became ready, and cleared once released.
 *  - The arrays are rented from the shared pools: valid until the compute returns them (ComputeLifetime).
 */
using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using TaskGraph.Nodes;

namespace TaskGraph.Scheduling;

/// <summary>The tasks of one compute by slot, their results in place, and the reads and writes of the tasks' invokers.</summary>
internal sealed class TaskTable
{
    /// <summary>The number of tasks.</summary>
    internal int Count;

    /// <summary>The tasks by slot, and after them an entry with the ends of the last task's ranges.</summary>
    internal TaskEntry[] Tasks = Array.Empty<TaskEntry>();

    /// <summary>The slot of each argument of each task (-1 for a constant or a null handle); see <see cref="TaskEntry.ArgumentStart"/>.</summary>
    internal int[] ArgumentSlots = Array.Empty<int>();

    /// <summary>
    /// The consumers of each task (see <see cref="TaskEntry.ConsumerStart"/>), one entry per argument
    /// occurrence: the consumer's slot, or its complement (<c>~slot</c>, negative) for a blocking one.
    /// </summary>
    internal int[] Consumers = Array.Empty<int>();

    /// <summary>Argument <paramref name="index"/> of the task in <paramref name="slot"/>, as its invoker reads it.</summary>
    internal T Argument<T>(int slot, int index)
    {
        TaskEntry[] tasks = Tasks;
        int inputSlot = ArgumentSlots[ArgumentEntry(slot, index)];
        if (inputSlot >= 0 && TaskResults.TryLoad(ref tasks[inputSlot], out T value))
        {
            return value;
        }

        return tasks[slot].Node.Arguments[index] switch
        {
            null => default!,
            ConstantNode<T> constant => constant.Value,
            DelayedNode other => throw new InvalidCastException(
                $"Argument {index} of task '{tasks[slot].Node.Key}' is '{other.Key}' of another type than the {typeof(T).Name} it is read as."),
        };
    }

    /// <summary>The values of all arguments of the task in <paramref name="slot"/>, in order: a collection's items, read in one pass.</summary>
    internal T[] Arguments<T>(int slot)
    {
        TaskEntry[] tasks = Tasks;
        int[] argumentSlots = ArgumentSlots;
        int first = tasks[slot].ArgumentStart;
        var values = new T[tasks[slot + 1].ArgumentStart - first];
        for (int i = 0; i < values.Length; i++)
        {
            int input = argumentSlots[first + i];
            values[i] = input >= 0 && TaskResults.TryLoad(ref tasks[input], out T value) ? value : Argument<T>(slot, i);
        }

        return values;
    }

    /// <summary>
    /// Argument <paramref name="index"/> of a handed-over task, untyped: what the executor reported for its
    /// input task, a constant's value, or <see langword="null"/> for a null handle.
    /// </summary>
    internal object? ArgumentValue(int slot, int index)
    {
        int inputSlot = ArgumentSlots[ArgumentEntry(slot, index)];
        return inputSlot >= 0 ? Tasks[inputSlot].Result : Tasks[slot].Node.Arguments[index]?.ConstantValue;
    }

    /// <summary>Stores the result of the task in <paramref name="slot"/>, as its node's invoker returned it.</summary>
    internal void StoreResult<T>(int slot, T value) => TaskResults.Store(ref Tasks[slot], value);

    /// <summary>Keeps the pending result of the task in <paramref name="slot"/> until it is collected.</summary>
    internal void AwaitResult(int slot, AwaitedResult pending) => Tasks[slot].Result = pending;

    /// <summary>Gives every array back to its pool. Only once nothing of the compute reads them any more.</summary>
    internal void Return()
    {
        PooledArrays.Return(ref Tasks, Count + 1);
        PooledArrays.Return(ref ArgumentSlots, 0);
        PooledArrays.Return(ref Consumers, 0);
    }

    /// <summary>Index of argument <paramref name="index"/> of the task in <paramref name="slot"/> in <see cref="ArgumentSlots"/>.</summary>
    /// <remarks>Inlined into every argument read (two per task of a tree): the throw lives apart so that it can be.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ArgumentEntry(int slot, int index)
    {
        TaskEntry[] tasks = Tasks;
        int first = tasks[slot].ArgumentStart;
        if ((uint)index >= (uint)(tasks[slot + 1].ArgumentStart - first))
        {
            ThrowNoSuchArgument(slot, index);
        }

        return first + index;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNoSuchArgument(int slot, int index)
        => throw new ArgumentOutOfRangeException(nameof(index), index, $"Task '{Tasks[slot].Node.Key}' has {Tasks[slot + 1].ArgumentStart - Tasks[slot].ArgumentStart} arguments.");
}

using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// The per-task arrays of a compute come from the shared array pools and go back when the compute ends:
/// a compute of 100,000 tasks would otherwise put a dozen arrays on the large object heap each time and
/// cost a full collection of the (large) graph about once per compute.
/// </summary>
internal static class PooledArrays
{
    private static int outstanding;

    /// <summary>Arrays rented and not yet returned, process-wide (tests prove every compute returns what it rents).</summary>
    internal static int Outstanding => Volatile.Read(ref outstanding);

    /// <summary>An array of at least <paramref name="length"/> elements (at least one), contents unspecified.</summary>
    internal static T[] Rent<T>(int length)
    {
        Interlocked.Increment(ref outstanding);
        return ArrayPool<T>.Shared.Rent(Math.Max(length, 1));
    }

    /// <summary>Makes room for <paramref name="needed"/> elements, keeping the first <paramref name="used"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Grow<T>(ref T[] array, int used, int needed)
    {
        if (needed > array.Length)
        {
            GrowTo(ref array, used, needed);
        }
    }

    // Apart from Grow, so that planning's many calls inline only the length check.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GrowTo<T>(ref T[] array, int used, int needed)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, array.Length * 2));
        Array.Copy(array, larger, used);
        Clear(array, used);
        ArrayPool<T>.Shared.Return(array);
        array = larger;
    }

    /// <summary>
    /// Returns <paramref name="array"/>, of which only the first <paramref name="used"/> elements were
    /// written: those are cleared when they hold references, so the pool keeps no results or nodes alive
    /// (clearing the whole of a large pooled array would cost more than the compute).
    /// </summary>
    internal static void Return<T>(ref T[] array, int used)
    {
        if (array.Length == 0)
        {
            return;
        }

        Clear(array, used);
        ArrayPool<T>.Shared.Return(array);
        array = Array.Empty<T>();
        Interlocked.Decrement(ref outstanding);
    }

    private static void Clear<T>(T[] array, int used)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(array, 0, Math.Min(used, array.Length));
        }
    }
}

using System.Runtime.CompilerServices;

namespace TaskGraph.Scheduling;

/// <summary>
/// Typed results kept in the untyped <see cref="TaskEntry"/>: a reference in <see cref="TaskEntry.Result"/>,
/// a small struct without references as bits in <see cref="TaskEntry.ResultBits"/> (ints, longs, doubles,
/// bools: no allocation) with a marker of its type in <see cref="TaskEntry.Result"/>, any other struct
/// boxed. The branches are decided per type when the code is compiled. Reading checks the type against
/// what the state holds, not against the node that produced it: that node is usually far out of cache
/// when its consumer runs (a fan-in of a million results).
/// </summary>
internal static class TaskResults
{
    internal static void Store<T>(ref TaskEntry task, T value)
    {
        if (IsBits<T>())
        {
            Unsafe.As<long, T>(ref task.ResultBits) = value;
            task.Result = BitsMarker<T>.Instance;
        }
        else
        {
            task.Result = value;
        }
    }

    /// <summary>
    /// The result, when it can be read as <typeparamref name="T"/>: bits stored as this very type, an
    /// instance of it, or a null reference where <typeparamref name="T"/> allows null.
    /// </summary>
    internal static bool TryLoad<T>(ref TaskEntry task, out T value)
    {
        object? stored = task.Result;
        if (IsBits<T>())
        {
            value = Unsafe.As<long, T>(ref task.ResultBits);
            return ReferenceEquals(stored, BitsMarker<T>.Instance);
        }

        if (stored is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return stored is null && default(T) is null;
    }

    /// <summary>Drops the result so the garbage collector can take it (bits hold nothing to collect).</summary>
    internal static void Release(ref TaskEntry task) => task.Result = null;

    private static bool IsBits<T>()
        => typeof(T).IsValueType && !RuntimeHelpers.IsReferenceOrContainsReferences<T>() && Unsafe.SizeOf<T>() <= sizeof(long);

    /// <summary>Stands for "bits of a <typeparamref name="T"/>" in <see cref="TaskEntry.Result"/>: compared, never read.</summary>
    private static class BitsMarker<T>
    {
        internal static readonly object Instance = new();
    }
}

using System.Runtime.CompilerServices;

namespace TaskGraph.Scheduling;

/// <summary>
/// Typed results kept in the untyped <see cref="TaskState"/>: a reference in <see cref="TaskState.Result"/>,
/// a small struct without references as bits in <see cref="TaskState.ResultBits"/> (ints, longs, doubles,
/// bools: no allocation), any other struct boxed. The branches are decided per type when the code is
/// compiled. A result is read with the type it was stored with: callers check the node's type first.
/// </summary>
internal static class TaskResults
{
    internal static void Store<T>(ref TaskState task, T value)
    {
        if (IsBits<T>())
        {
            Unsafe.As<long, T>(ref task.ResultBits) = value;
        }
        else
        {
            task.Result = value;
        }
    }

    internal static T Load<T>(ref TaskState task)
    {
        if (IsBits<T>())
        {
            return Unsafe.As<long, T>(ref task.ResultBits);
        }

        if (!typeof(T).IsValueType)
        {
            // Stored as this very T: no cast needed.
            return Unsafe.As<object?, T>(ref task.Result);
        }

        return (T)task.Result!;
    }

    /// <summary>Drops the result so the garbage collector can take it (bits hold nothing to collect).</summary>
    internal static void Release(ref TaskState task) => task.Result = null;

    private static bool IsBits<T>()
        => typeof(T).IsValueType && !RuntimeHelpers.IsReferenceOrContainsReferences<T>() && Unsafe.SizeOf<T>() <= sizeof(long);
}

using System.Collections.Generic;
using System.Linq;
using TaskGraph;

namespace Distributed.Benchmarks;

/// <summary>The graphs both sides compute (dask_side.py builds the same): trivial tasks, so what is measured is the per-task cost.</summary>
public static partial class TinyTasks
{
    [Delayed]
    public static long Increment(long value) => value + 1;

    [Delayed]
    public static long Total(IReadOnlyList<long> values) => values.Sum();

    /// <summary><paramref name="width"/> independent increments and their total: width + 2 tasks (the list is one).</summary>
    public static Delayed<long> Wide(int width) => TotalDelayed(Enumerable.Range(0, width).Select(i => IncrementDelayed(i)).ToList());

    /// <summary><paramref name="length"/> increments, each of the one before: length tasks.</summary>
    public static Delayed<long> Chain(int length)
    {
        Delayed<long> value = IncrementDelayed(0);
        for (int i = 1; i < length; i++)
        {
            value = IncrementDelayed(value);
        }

        return value;
    }
}

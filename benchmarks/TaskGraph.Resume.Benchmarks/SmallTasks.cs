using System.Collections.Generic;
using System.Linq;

namespace TaskGraph.Resume.Benchmarks;

/// <summary>Tiny checkpointed tasks: the store's own cost per task is all there is to measure.</summary>
public static partial class SmallTasks
{
    [Delayed(Checkpoint = true)]
    public static long Leaf(long seed, int i) => seed + i;

    [Delayed(Checkpoint = true)]
    public static long Next(long previous, int i) => previous + i;

    [Delayed]
    public static long Sum(IReadOnlyList<long> values) => values.Sum();

    /// <summary>A chain of <paramref name="tasks"/> checkpointed steps, or a wide layer of as many leaves summed by one unchecked task.</summary>
    public static Delayed<long> Build(bool chain, int tasks, long seed)
    {
        if (!chain)
        {
            return SumDelayed(Enumerable.Range(0, tasks).Select(i => LeafDelayed(seed, i)).ToList());
        }

        Delayed<long> value = LeafDelayed(seed, 0);
        for (int i = 1; i < tasks; i++)
        {
            value = NextDelayed(value, i);
        }

        return value;
    }
}

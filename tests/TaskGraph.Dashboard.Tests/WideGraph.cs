using System.Linq;

namespace TaskGraph.Dashboard.Tests;

/// <summary>Many independent trivial tasks and one sum: more events than the stream's messages, if they are batched.</summary>
internal static partial class WideGraph
{
    internal static Delayed<int> Build(int width) => SumDelayed(Delayed.All(Enumerable.Range(0, width).Select(i => StepDelayed(i))));

    /// <summary>The tasks of <see cref="Build"/>: the steps, their collection and the sum.</summary>
    internal static int TaskCount(int width) => width + 2;

    [Delayed]
    internal static int Step(int value) => value + 1;

    [Delayed]
    internal static int Sum(int[] values) => values.Sum();
}

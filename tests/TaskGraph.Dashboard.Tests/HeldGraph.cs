using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;

namespace TaskGraph.Dashboard.Tests;

/// <summary>
/// A small ETL-shaped graph (load, parse, score per part, then one combine) whose last task waits at
/// its gate, so a test can look at the page while the compute is still open.
/// </summary>
internal static partial class HeldGraph
{
    /// <summary>Parts: each brings a load, a parse and a score task.</summary>
    internal const int Parts = 8;

    /// <summary>Every task of <see cref="Build"/>: three per part, the collection of scores, the combine.</summary>
    internal const int TaskCount = (3 * Parts) + 2;

    /// <summary>What the combine of each graph waits for, by the graph's prefix (tests run in parallel).</summary>
    private static readonly ConcurrentDictionary<string, ManualResetEventSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The graph named <paramref name="prefix"/>, with its gate closed; <see cref="Open"/> lets its combine finish.</summary>
    internal static Delayed<int> Build(string prefix)
    {
        Gates[prefix] = new ManualResetEventSlim(initialState: false);
        var scores = Enumerable.Range(0, Parts).Select(part => ScoreDelayed(ParseDelayed(LoadDelayed(prefix, part)))).ToArray();
        return CombineDelayed(prefix, Delayed.All(scores));
    }

    internal static void Open(string prefix) => Gates[prefix].Set();

    [Delayed(Blocking = true)]
    internal static string Load(string prefix, int part)
    {
        Thread.Sleep(15);
        return prefix + part;
    }

    [Delayed(Blocking = true)]
    internal static int Parse(string text)
    {
        Thread.Sleep(10);
        return text.Length;
    }

    [Delayed]
    internal static int Score(int length) => length * 2;

    [Delayed(Blocking = true)]
    internal static int Combine(string prefix, int[] scores)
    {
        if (!Gates[prefix].Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("The test never opened the gate.");
        }

        return scores.Sum();
    }

    [Delayed]
    internal static int Explode(int value) => throw new InvalidOperationException($"part {value} exploded");
}

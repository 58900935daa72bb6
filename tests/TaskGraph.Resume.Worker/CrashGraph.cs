using System.IO;
using System.Linq;
using System.Threading;

namespace TaskGraph.Resume.Worker;

/// <summary>
/// A wide layer feeding a chain, every task checkpointed and a few milliseconds long, so that a kill lands in
/// the middle of it. Each run of a task appends its name to <see cref="RunLog"/> as it starts.
/// </summary>
public static partial class CrashGraph
{
    /// <summary>Squares in the wide layer.</summary>
    public const int Width = 24;

    /// <summary>Steps of the chain after the sum.</summary>
    public const int Length = 16;

    /// <summary>Every task of <see cref="Build"/>: the squares, the sum and the steps.</summary>
    public const int TaskCount = Width + 1 + Length;

    public static string RunLog { get; set; } = "runs.log";

    /// <summary>The value <see cref="Build"/> computes: the sum of the squares, then each step adds its index.</summary>
    public static long Expected => Enumerable.Range(0, Width).Sum(i => (long)i * i) + Enumerable.Range(1, Length).Sum();

    public static Delayed<long> Build()
    {
        Delayed<long> value = SumDelayed(Enumerable.Range(0, Width).Select(i => SquareDelayed(i)).ToList());
        for (int step = 1; step <= Length; step++)
        {
            value = StepDelayed(value, step);
        }

        return value;
    }

    [Delayed(Checkpoint = true)]
    public static long Square(int i)
    {
        Ran($"Square {i}");
        return (long)i * i;
    }

    [Delayed(Checkpoint = true)]
    public static long Sum(System.Collections.Generic.IReadOnlyList<long> squares)
    {
        Ran("Sum");
        return squares.Sum();
    }

    [Delayed(Checkpoint = true)]
    public static long Step(long value, int step)
    {
        Ran($"Step {step}");
        return value + step;
    }

    // One writer at a time: FileMode.Append seeks to the end and writes, so two tasks appending at once could
    // overwrite each other's line and the test would count fewer runs than ran.
    private static readonly object LogLock = new();

    private static void Ran(string task)
    {
        lock (LogLock)
        {
            File.AppendAllText(RunLog, task + "\n");
        }

        Thread.Sleep(8);
    }
}

using TaskGraph.Infrastructure;

namespace TaskGraph.Benchmarks;

/// <summary>Trivial CPU work, with the wrappers and descriptors the source generator would write for it.</summary>
public static class Work
{
    private static readonly DelayedMethod StepMethod = new("M:TaskGraph.Benchmarks.Work.Step(System.Int32)", "Step", "TaskGraph.Benchmarks.Work")
    {
        ParameterNames = new[] { "value" },
    };

    private static readonly DelayedMethod AddMethod = new("M:TaskGraph.Benchmarks.Work.Add(System.Int32,System.Int32)", "Add", "TaskGraph.Benchmarks.Work")
    {
        ParameterNames = new[] { "left", "right" },
    };

    private static readonly DelayedMethod SumMethod = new("M:TaskGraph.Benchmarks.Work.Sum(System.Int32[])", "Sum", "TaskGraph.Benchmarks.Work")
    {
        ParameterNames = new[] { "values" },
    };

    private static readonly DelayedMethod SpinMethod = new("M:TaskGraph.Benchmarks.Work.Spin(System.Int32,System.Int32)", "Spin", "TaskGraph.Benchmarks.Work")
    {
        ParameterNames = new[] { "seed", "spins" },
    };

    public static int Step(int value) => value + 1;

    /// <summary>CPU work the JIT cannot remove: <paramref name="spins"/> rounds of xorshift.</summary>
    public static int Spin(int seed, int spins)
    {
        uint state = (uint)seed | 1;
        for (int i = 0; i < spins; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
        }

        return (int)(state & 0xFF);
    }

    /// <summary>
    /// The spins that take about <paramref name="duration"/> on this machine: the fastest of many timed
    /// calls, after enough calls for the JIT to have optimized <see cref="Spin"/>.
    /// </summary>
    public static int SpinsFor(System.TimeSpan duration)
    {
        const int Sample = 10_000;
        int sink = 0;
        for (int i = 0; i < 200; i++)
        {
            sink += Spin(i, Sample);
        }

        double best = double.MaxValue;
        for (int i = 0; i < 500; i++)
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            sink += Spin(i, Sample);
            best = System.Math.Min(best, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        return (int)(Sample * duration.TotalMicroseconds / best) + (sink & 1);
    }

    public static int Add(int left, int right) => left + right;

    public static long Sum(int[] values)
    {
        long sum = 0;
        foreach (int value in values)
        {
            sum += value;
        }

        return sum;
    }

    public static Delayed<int> StepDelayed(Delayed<int> value)
        => DelayedCall.Create(StepMethod, static (args, _) => Step(args.Get<int>(0)), value);

    public static Delayed<int> SpinDelayed(Delayed<int> seed, Delayed<int> spins)
        => DelayedCall.Create(SpinMethod, static (args, _) => Spin(args.Get<int>(0), args.Get<int>(1)), seed, spins);

    public static Delayed<int> AddDelayed(Delayed<int> left, Delayed<int> right)
        => DelayedCall.Create(AddMethod, static (args, _) => Add(args.Get<int>(0), args.Get<int>(1)), left, right);

    public static Delayed<long> SumDelayed(Delayed<int[]> values)
        => DelayedCall.Create(SumMethod, static (args, _) => Sum(args.Get<int[]>(0)), values);
}

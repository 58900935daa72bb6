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

    public static int Step(int value) => value + 1;

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

    public static Delayed<int> AddDelayed(Delayed<int> left, Delayed<int> right)
        => DelayedCall.Create(AddMethod, static (args, _) => Add(args.Get<int>(0), args.Get<int>(1)), left, right);

    public static Delayed<long> SumDelayed(Delayed<int[]> values)
        => DelayedCall.Create(SumMethod, static (args, _) => Sum(args.Get<int[]>(0)), values);
}

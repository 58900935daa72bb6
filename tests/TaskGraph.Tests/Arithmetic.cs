using TaskGraph.Infrastructure;

namespace TaskGraph.Tests;

/// <summary>Static [Delayed]-style methods with their wrappers written as the generator writes them.</summary>
internal static class Arithmetic
{
    private static readonly DelayedMethod AddMethod = TestMethods.Describe("Add", 2);
    private static readonly DelayedMethod IncrementMethod = TestMethods.Describe("Increment", 1);
    private static readonly DelayedMethod SumMethod = TestMethods.Describe("Sum", 1);
    private static readonly DelayedMethod PureSquareMethod = TestMethods.Describe("PureSquare", 1, pure: true);

    public static int Add(int a, int b) => a + b;

    public static int Increment(int a) => a + 1;

    public static long Sum(int[] values)
    {
        long sum = 0;
        foreach (int value in values)
        {
            sum += value;
        }

        return sum;
    }

    public static Delayed<int> AddDelayed(Delayed<int> a, Delayed<int> b)
        => DelayedCall.Create(AddMethod, static (args, _) => Add(args.Get<int>(0), args.Get<int>(1)), a, b);

    public static Delayed<int> IncrementDelayed(Delayed<int> a)
        => DelayedCall.Create(IncrementMethod, static (args, _) => Increment(args.Get<int>(0)), a);

    public static Delayed<long> SumDelayed(Delayed<int[]> values)
        => DelayedCall.Create(SumMethod, static (args, _) => Sum(args.Get<int[]>(0)), values);

    public static Delayed<int> PureSquareDelayed(Delayed<int> a)
        => DelayedCall.Create(PureSquareMethod, static (args, _) => args.Get<int>(0) * args.Get<int>(0), a);
}

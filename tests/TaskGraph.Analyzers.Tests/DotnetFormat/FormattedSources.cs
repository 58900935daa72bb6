using System.Collections.Immutable;

namespace TaskGraph.Analyzers.Tests.DotnetFormat;

/// <summary>
/// The formatted project's files: one per fixer, each holding computes the fixer must rewrite and
/// computes where rewriting would change what the program prints (so the fix must not be offered),
/// and a program that prints every scenario's value as <c>name=value</c>.
/// </summary>
internal static class FormattedSources
{
    public static ImmutableArray<(string Name, string Text)> All { get; } = ImmutableArray.Create(
        ("Steps.cs", """
            using TaskGraph;

            namespace Formatted;

            public static partial class Steps
            {
                private static int flakyAttempts;
                private static int optionAttempts;

                public static int Notes { get; private set; }

                [Delayed] public static int Inc(int x) => x + 1;

                [Delayed] public static int Add(int x, int y) => x + y;

                [Delayed] public static string Label(int x) => "#" + x;

                [Delayed] public static int Count(List<int> values) => values.Count;

                [Delayed] public static T Id<T>(T value) => value;

                [Delayed] public static string? Opt(string? text = "default") => text;

                [Delayed] public static Task Flush() => Task.CompletedTask;

                [Delayed] public static void Save(int x) => Console.WriteLine("saved=" + x);

                [Delayed] public static int Note(int x) => Notes += x;

                [Delayed] public static int Fail(int x) => throw new InvalidOperationException("failed " + x);

                [Delayed(Retries = 2)]
                public static int Flaky(int x) => ++flakyAttempts < 2 ? throw new InvalidOperationException("first try") : x;

                [Delayed] public static int FlakyUnlessRetried(int x) => ++optionAttempts < 2 ? throw new InvalidOperationException("first try") : x;

                [Delayed]
                public static async Task<int> LoadAsync(int x, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return x * 10;
                }

                [Delayed]
                public static int Slow(int x)
                {
                    Thread.Sleep(1);
                    return x;
                }

                [Delayed] public static int Twice(int x) => IncDelayed(IncDelayed(x)).Compute();
            }
            """),
        ("Chains.cs", """
            using TaskGraph;

            namespace Formatted;

            public static class Chains
            {
                public static string Plain(int x)
                {
                    var a = Steps.IncDelayed(x);
                    var b = Steps.IncDelayed(a);
                    return Steps.LabelDelayed(b).Compute();
                }

                public static async Task<string> Awaited()
                {
                    var loaded = Steps.LoadDelayed(4);
                    return await Steps.LabelDelayed(loaded).ComputeAsync().ConfigureAwait(false);
                }

                public static string Retried() => Steps.LabelDelayed(Steps.FlakyDelayed(1)).Compute();

                public static string WithOptions() => Steps.LabelDelayed(Steps.FlakyUnlessRetriedDelayed(2)).Compute(new ComputeOptions { Retries = 3 });

                public static string Caught()
                {
                    try
                    {
                        return Steps.LabelDelayed(Steps.FailDelayed(1)).Compute();
                    }
                    catch (DelayedTaskException)
                    {
                        return "graph failure";
                    }
                    catch (InvalidOperationException)
                    {
                        return "direct failure";
                    }
                }

                public static string Mutated()
                {
                    var values = new List<int> { 1 };
                    var count = Steps.CountDelayed(values);
                    values.Add(2);
                    values.Add(3);
                    return Steps.LabelDelayed(count).Compute();
                }
            }
            """),
        ("Trivial.cs", """
            namespace Formatted;

            public static class Trivial
            {
                public static int Sum() => Steps.AddDelayed(Steps.AddDelayed(1, 2), Steps.AddDelayed(3, 4)).Compute();
            }
            """),
        ("Loops.cs", """
            using TaskGraph;

            namespace Formatted;

            public static class Loops
            {
                public static string TwoLoops(int count)
                {
                    var numbers = new List<int>();
                    for (int i = 0; i < count; i++)
                    {
                        numbers.Add(Steps.AddDelayed(Steps.SlowDelayed(i), Steps.SlowDelayed(i)).Compute());
                    }

                    var labels = new List<string>();
                    for (int i = 0; i < count; i++)
                    {
                        labels.Add(Steps.LabelDelayed(Steps.AddDelayed(Steps.SlowDelayed(i), Steps.SlowDelayed(1))).Compute());
                    }

                    return string.Join(",", numbers) + ";" + string.Join(",", labels);
                }

                public static string Widened(int count)
                {
                    var values = new List<long>();
                    for (int i = 0; i < count; i++)
                    {
                        values.Add(Steps.AddDelayed(Steps.SlowDelayed(i), Steps.SlowDelayed(i)).Compute());
                    }

                    return string.Join(",", values);
                }

                public static string Boxed(int count)
                {
                    var values = new List<object>();
                    for (int i = 0; i < count; i++)
                    {
                        values.Add(Steps.AddDelayed(Steps.SlowDelayed(i), Steps.SlowDelayed(i)).Compute());
                    }

                    return string.Join(",", values);
                }

                public static string Partial(int count)
                {
                    var values = new List<int>();
                    try
                    {
                        for (int i = 0; i < count; i++)
                        {
                            values.Add(Steps.AddDelayed(Steps.SlowDelayed(i), Steps.SlowDelayed(i)).Compute());
                            values.Add(Steps.AddDelayed(Steps.SlowDelayed(i), Steps.FailDelayed(i)).Compute());
                        }
                    }
                    catch (DelayedTaskException)
                    {
                    }

                    return string.Join(",", values);
                }
            }
            """),
        ("Values.cs", """
            using TaskGraph;

            namespace Formatted;

            public static class Values
            {
                public static int Plain() => Delayed.Value(Steps.Inc(1)).Compute() + 1;

                public static string Generic() => Delayed.Value(Steps.Id("text")).Compute() + "!";

                public static string Missing() => Delayed.Value(Steps.Opt(null)).Compute() ?? "(null)";

                public static bool Flushed() => Delayed.Value(Steps.Flush()).Compute().IsCompleted;
            }
            """),
        ("Inner.cs", """
            namespace Formatted;

            public static class Inner
            {
                public static int Twice() => Steps.TwiceDelayed(1).Compute() + 0;
            }
            """),
        ("Discarded.cs", """
            namespace Formatted;

            public static class Discarded
            {
                public static string Run()
                {
                    int i = 0;
                    Steps.SaveDelayed(5);
                    Steps.SaveDelayed(i++);
                    _ = Steps.IncDelayed(Steps.Note(3) + 0);
                    return $"i={i} notes={Steps.Notes}";
                }
            }
            """),
        ("Program.cs", """
            using Formatted;

            Console.WriteLine("chains.plain=" + Chains.Plain(3));
            Console.WriteLine("chains.awaited=" + await Chains.Awaited());
            Console.WriteLine("chains.retried=" + Chains.Retried());
            Console.WriteLine("chains.options=" + Chains.WithOptions());
            Console.WriteLine("chains.caught=" + Chains.Caught());
            Console.WriteLine("chains.mutated=" + Chains.Mutated());
            Console.WriteLine("trivial.sum=" + Trivial.Sum());
            Console.WriteLine("loops.two=" + Loops.TwoLoops(3));
            Console.WriteLine("loops.widened=" + Loops.Widened(3));
            Console.WriteLine("loops.boxed=" + Loops.Boxed(3));
            Console.WriteLine("loops.partial=" + Loops.Partial(3));
            Console.WriteLine("values.plain=" + Values.Plain());
            Console.WriteLine("values.generic=" + Values.Generic());
            Console.WriteLine("values.missing=" + Values.Missing());
            Console.WriteLine("values.flushed=" + Values.Flushed());
            Console.WriteLine("inner.twice=" + Inner.Twice());
            Console.WriteLine("discarded.run=" + Discarded.Run());
            Console.WriteLine("blocking.slow=" + Steps.SlowDelayed(2).Compute());
            """));
}

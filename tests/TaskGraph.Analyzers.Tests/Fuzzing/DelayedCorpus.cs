namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>
/// [Delayed] methods of every shape the generator handles, each with a pipeline that calls the wrappers,
/// as seeds for the mutation fuzzer. Each compiles cleanly with the generated code (a test checks it), so
/// a mutation starts from correct code.
/// </summary>
internal static class DelayedCorpus
{
    public const string StaticPipeline = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using TaskGraph;

        namespace Corpus.Etl;

        public sealed record Table(string Name, int Rows);

        public static partial class Steps
        {
            [Delayed] public static Table Load(string path) => new Table(path, path.Length);

            [Delayed] public static Table Clean(Table table) => table with { Rows = table.Rows - 1 };

            [Delayed] public static Table Join(Table left, Table right) => new Table(left.Name + right.Name, left.Rows * right.Rows);

            [Delayed] public static int Count(IReadOnlyList<Table> tables) => tables.Sum(t => t.Rows);

            [Delayed(Pure = true)] public static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

            [Delayed(Blocking = true)]
            public static async Task<Table> FetchAsync(string url, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                return new Table(url, 1);
            }

            [Delayed] public static void Store(Table table) => System.Console.WriteLine(table);
        }

        public static class Job
        {
            public static async Task<double> RunAsync(string[] paths)
            {
                var cleaned = new List<Delayed<Table>>();
                foreach (string path in paths)
                {
                    cleaned.Add(Steps.CleanDelayed(Steps.LoadDelayed(path)));
                }

                var joined = Steps.JoinDelayed(cleaned[0], Steps.FetchDelayed("http://example"));
                var total = Steps.CountDelayed(cleaned);
                var ratio = Steps.RatioDelayed(total, Steps.CountDelayed(new[] { joined }));
                var (value, _) = Delayed.Compute(ratio, Delayed.All(cleaned));
                return value + await ratio.ComputeAsync();
            }
        }
        """;

    public const string NestedGenericInstances = """
        using System;
        using System.Collections.Generic;
        using TaskGraph;

        namespace Corpus.Shapes
        {
            public partial class Outer<TKey> where TKey : notnull
            {
                public partial class Inner
                {
                    [Delayed] public static Dictionary<TKey, int> Index(IEnumerable<TKey> keys)
                    {
                        var index = new Dictionary<TKey, int>();
                        foreach (var key in keys)
                        {
                            index[key] = index.Count;
                        }

                        return index;
                    }
                }

                [Delayed] public T Pick<T>(T first, T second) where T : IComparable<T> => first.CompareTo(second) >= 0 ? first : second;
            }

            public partial struct Counter
            {
                public int Total;

                [Delayed] public readonly int Plus(int value) => Total + value;
            }

            public partial record Person(string Name, int? Age)
            {
                [Delayed] public string Describe(string? prefix = null, params string[] tags) => prefix + Name + string.Join(",", tags);
            }

            public static class UseShapes
            {
                public static int Run()
                {
                    var index = Outer<string>.Inner.IndexDelayed(new[] { "a", "b" });
                    var best = new Outer<string>().PickDelayed<int>(3, 4);
                    var plus = new Counter { Total = 1 }.PlusDelayed(best);
                    var text = new Person("p", null).DescribeDelayed("x", new[] { "t" });
                    return index.Compute().Count + plus.Compute() + text.Compute().Length;
                }
            }
        }
        """;

    public const string KeywordsAndGlobalNamespace = """
        using System.Threading;
        using System.Threading.Tasks;
        using TaskGraph;

        public static partial class @class
        {
            [Delayed] public static int @int(int @event, string @string) => @event + @string.Length;

            [Delayed] public static (int Low, int High) Range(int[] values) => (values[0], values[^1]);

            [Delayed] public static ValueTask<long> SumAsync(System.Collections.Generic.List<long> values) => new(values.Count);

            [Delayed] public static ValueTask FlushAsync(CancellationToken token) => default;

            [Delayed] public static Task WaitAsync() => Task.CompletedTask;

            [Delayed] internal static decimal? Maybe(decimal? value = 1.5m, char separator = ',') => value;
        }

        internal static class UseKeywords
        {
            internal static async Task<int> RunAsync()
            {
                var low = @class.intDelayed(1, "two");
                var range = @class.RangeDelayed(new Delayed<int>[] { low, 3 });
                var sum = @class.SumDelayed(new System.Collections.Generic.List<Delayed<long>> { 1L, 2L });
                await @class.FlushDelayed().ComputeAsync();
                await @class.WaitDelayed().ComputeAsync();
                _ = @class.MaybeDelayed(null, ';');
                return range.Compute().High + (int)await sum.ComputeAsync();
            }
        }
        """;

    public const string InstancePipelineWithLoops = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using TaskGraph;

        namespace Corpus.Loops;

        public sealed partial class Pipeline
        {
            private readonly int factor;

            public Pipeline(int factor) => this.factor = factor;

            [Delayed] public int Scale(int value) => value * factor;

            [Delayed] public int Add(int x, int y) => x + y;

            [Delayed] public static int Max(IEnumerable<int> values)
            {
                int max = int.MinValue;
                foreach (int value in values)
                {
                    max = System.Math.Max(max, value);
                }

                return max;
            }

            public int Run(int count)
            {
                var parts = new List<Delayed<int>>();
                for (int i = 0; i < 4; i++)
                {
                    parts.Add(ScaleDelayed(i));
                }

                Delayed<int> acc = 0;
                for (int i = 0; i < count; i++)
                {
                    acc = AddDelayed(acc, ScaleDelayed(i));
                }

                int sum = 0;
                foreach (var part in parts)
                {
                    sum += part.Compute();
                }

                return sum + MaxDelayed(parts).Compute(new ComputeOptions { Scheduler = ComputeScheduler.Synchronous }) + acc.Compute();
            }

            public Task<int[]> RunAllAsync() => Delayed.ComputeAsync(new[] { ScaleDelayed(1), AddDelayed(1, 2) });
        }
        """;
}

namespace TaskGraph.Analyzers.Tests;

/// <summary>The [Delayed] methods the tests' pipelines call; the generator writes their wrappers.</summary>
internal static class TestSources
{
    /// <summary>Cheap, costly, async and void [Delayed] methods, in the user's partial class.</summary>
    public const string Ops = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using TaskGraph;

        namespace Shop;

        public sealed class Data
        {
            public Data(int value) => Value = value;

            public int Value { get; }
        }

        public static partial class Ops
        {
            [Delayed] public static int Add(int x, int y) => x + y;

            [Delayed] public static int Inc(int x) => x + 1;

            [Delayed] public static string Label(int x) => x.ToString();

            [Delayed]
            public static int Sum(IReadOnlyList<int> values)
            {
                int total = 0;
                foreach (int value in values)
                {
                    total += value;
                }

                return total;
            }

            [Delayed]
            public static async Task<Data> LoadAsync(string path, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                return new Data(path.Length);
            }

            [Delayed] public static Data Process(Data data, Data reference) => new Data(data.Value + reference.Value);

            [Delayed] public static Data Roll(Data a, Data b, Data c) => new Data(a.Value + b.Value + c.Value);

            [Delayed] public static double Compare(Data a, Data b) => System.Math.Abs(a.Value - b.Value) / (1.0 + System.Math.Max(a.Value, b.Value));

            [Delayed]
            public static double Reduction(IReadOnlyList<double> scores)
            {
                double best = double.MinValue;
                foreach (double score in scores)
                {
                    best = System.Math.Max(best, score);
                }

                return best;
            }

            [Delayed] public static void Log(string message) => System.Console.WriteLine(message);
        }
        """;
}

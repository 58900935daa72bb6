using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class SequentialGraphFixerTests
{
    private const string Header = """
        using System.Threading;
        using System.Threading.Tasks;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {

        """;

    [Fact]
    public Task Calls_the_methods_directly_keeping_the_token_and_ConfigureAwait() => CodeFixVerifier.VerifyAsync(
        new SequentialGraphAnalyzer(),
        new SequentialGraphFixer(),
        Header + """
            public static void Run(int x)
            {
                var a = Ops.IncDelayed(x);
                var b = Ops.IncDelayed(a);
                Ops.LabelDelayed(b).Compute();
            }

            public static async Task<Data> LoadAsync(string path, CancellationToken token)
            {
                Delayed<Data> loaded = Ops.LoadDelayed(path);
                var processed = Ops.ProcessDelayed(loaded, Delayed.Value(new Data(1)));
                return await processed.ComputeAsync(token).ConfigureAwait(false);
            }
        }
        """,
        Header + """
            public static void Run(int x)
            {
                var a = Ops.Inc(x);
                var b = Ops.Inc(a);
                Ops.Label(b);
            }

            public static async Task<Data> LoadAsync(string path, CancellationToken token)
            {
                var loaded = await Ops.LoadAsync(path, cancellationToken: token).ConfigureAwait(false);
                var processed = Ops.Process(loaded, new Data(1));
                return processed;
            }
        }
        """);

    // Each compute here means something a direct call would not: retries, compute options, a catch of
    // DelayedTaskException, an input changed between the wrapper call and the compute, no async context.
    [Fact]
    public Task Offers_nothing_where_direct_calls_would_change_the_program() => CodeFixVerifier.VerifyNoFixAsync(
        new SequentialGraphAnalyzer(),
        new SequentialGraphFixer(),
        """
        using System.Collections.Generic;
        using Shop;
        using TaskGraph;

        public static partial class Pipeline
        {
            private static int attempts;

            [Delayed(Retries = 2)]
            public static int Flaky(int x) => ++attempts < 2 ? throw new System.InvalidOperationException("first try") : x;

            [Delayed] public static int Count(List<int> values) => values.Count;

            public static int Retried() => Ops.IncDelayed(FlakyDelayed(1)).Compute();

            public static int WithOptions() => Ops.IncDelayed(Ops.IncDelayed(1)).Compute(new ComputeOptions { Retries = 3 });

            public static string Caught()
            {
                try
                {
                    return Ops.LabelDelayed(Ops.IncDelayed(1)).Compute();
                }
                catch (DelayedTaskException)
                {
                    return "failed";
                }
            }

            public static string Mutated()
            {
                var values = new List<int> { 1 };
                var count = CountDelayed(values);
                values.Add(2);
                return Ops.LabelDelayed(count).Compute();
            }

            public static Data Load(string path) => Ops.ProcessDelayed(Ops.LoadDelayed(path), new Data(1)).Compute();
        }
        """);
}

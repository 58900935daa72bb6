using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class ReplaceGraphWithDirectCallsCodeFixTests
{
    private const string Header = """
        using System.Threading;
        using System.Threading.Tasks;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {

        """;

    private const string Chain = """
            public static void Run(int x)
            {
                var a = Ops.IncDelayed(x);
                var b = Ops.IncDelayed(a);
                Ops.LabelDelayed(b).Compute();
            }

        """;

    private const string ChainFixed = """
            public static void Run(int x)
            {
                var a = Ops.Inc(x);
                var b = Ops.Inc(a);
                Ops.Label(b);
            }

        """;

    private const string AsyncChain = """
            public static async Task<Data> LoadAsync(string path, CancellationToken token)
            {
                Delayed<Data> loaded = Ops.LoadDelayed(path);
                var processed = Ops.ProcessDelayed(loaded, Delayed.Value(new Data(1)));
                return await processed.ComputeAsync(token).ConfigureAwait(false);
            }
        }
        """;

    private const string AsyncChainFixed = """
            public static async Task<Data> LoadAsync(string path, CancellationToken token)
            {
                var loaded = await Ops.LoadAsync(path, cancellationToken: token);
                var processed = Ops.Process(loaded, new Data(1));
                return processed;
            }
        }
        """;

    [Fact]
    public Task Fixes_one_chain() => CodeFixVerifier.VerifyAsync(
        new SequentialGraphAnalyzer(),
        new ReplaceGraphWithDirectCallsCodeFixProvider(),
        DiagnosticIds.SequentialGraph,
        Header + Chain + AsyncChain,
        Header + ChainFixed + AsyncChain);

    [Fact]
    public Task Fixes_an_awaited_chain_passing_the_token() => CodeFixVerifier.VerifyAsync(
        new SequentialGraphAnalyzer(),
        new ReplaceGraphWithDirectCallsCodeFixProvider(),
        DiagnosticIds.SequentialGraph,
        Header + AsyncChain,
        Header + AsyncChainFixed);

    [Fact]
    public Task Fixes_all_chains_of_the_document() => CodeFixVerifier.VerifyAsync(
        new SequentialGraphAnalyzer(),
        new ReplaceGraphWithDirectCallsCodeFixProvider(),
        DiagnosticIds.SequentialGraph,
        Header + Chain + AsyncChain,
        Header + ChainFixed + AsyncChainFixed,
        fixAll: true);

    [Fact]
    public Task Fixes_a_trivial_graph() => CodeFixVerifier.VerifyAsync(
        new TrivialGraphAnalyzer(),
        new ReplaceGraphWithDirectCallsCodeFixProvider(),
        DiagnosticIds.TrivialGraph,
        """
        using Shop;

        public static class Pipeline
        {
            public static int Run()
            {
                var a = Ops.AddDelayed(1, 2);
                var b = Ops.AddDelayed(3, 4);
                return Ops.AddDelayed(a, b).Compute();
            }

            public static int Nested() => Ops.AddDelayed(Ops.AddDelayed(1, 2), Ops.AddDelayed(3, 4)).Compute();
        }
        """,
        """
        using Shop;

        public static class Pipeline
        {
            public static int Run()
            {
                var a = Ops.Add(1, 2);
                var b = Ops.Add(3, 4);
                return Ops.Add(a, b);
            }

            public static int Nested() => Ops.Add(Ops.Add(1, 2), Ops.Add(3, 4));
        }
        """,
        fixAll: true);

    [Fact]
    public Task Offers_nothing_where_the_rewrite_would_change_meaning() => CodeFixVerifier.VerifyNoFixAsync(
        new TrivialGraphAnalyzer(),
        new ReplaceGraphWithDirectCallsCodeFixProvider(),
        DiagnosticIds.TrivialGraph,
        """
        using System.Collections.Generic;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static int[] Loop()
            {
                var parts = new List<Delayed<int>>();
                for (int i = 0; i < 3; i++)
                {
                    parts.Add(Ops.IncDelayed(i));
                }

                return Delayed.All(parts).Compute();
            }
        }
        """);

    [Fact]
    public Task Offers_nothing_for_an_async_method_outside_an_async_context() => CodeFixVerifier.VerifyNoFixAsync(
        new SequentialGraphAnalyzer(),
        new ReplaceGraphWithDirectCallsCodeFixProvider(),
        DiagnosticIds.SequentialGraph,
        """
        using Shop;

        public static class Pipeline
        {
            public static Data Load(string path) => Ops.LoadDelayed(path).Compute();
        }
        """);
}

using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class SequentialGraphAnalyzerTests
{
    private static Task VerifyAsync(string markup) => AnalyzerVerifier.VerifyAsync(new SequentialGraphAnalyzer(), markup);

    [Fact]
    public Task Reports_a_chain_of_locals_passed_from_call_to_call() => VerifyAsync("""
        using Shop;

        public static class Pipeline
        {
            public static void Run(int x)
            {
                var a = Ops.IncDelayed(x);
                var b = Ops.IncDelayed(a);
                {|TG1001:Ops.LabelDelayed(b).Compute()|};
            }
        }
        """);

    [Fact]
    public Task Reports_nested_calls_awaited_and_static_computes() => VerifyAsync("""
        using System.Threading.Tasks;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static async Task<Data> LoadAsync(string path)
            {
                Delayed<Data> loaded = Ops.LoadDelayed(path);
                var processed = Ops.ProcessDelayed(loaded, loaded);
                return await [|processed.ComputeAsync()|];
            }

            public static int Twice() => [|Delayed.Compute(Ops.IncDelayed(Ops.IncDelayed(Delayed.Value(1))))|];
        }
        """);

    [Fact]
    public Task Sees_multi_output_computes() => VerifyAsync("""
        using System.Threading.Tasks;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static (int, string) Chained()
            {
                var a = Ops.IncDelayed(1);
                return [|Delayed.Compute(a, Ops.LabelDelayed(a))|];
            }

            public static Task<(int, int)> Independent() => Delayed.ComputeAsync(Ops.IncDelayed(1), Ops.IncDelayed(2));

            public static int[] Sequence() => Delayed.Compute(new[] { Ops.IncDelayed(1), Ops.IncDelayed(2) });
        }
        """);

    [Fact]
    public Task Stays_quiet_where_two_tasks_can_run_at_once() => VerifyAsync("""
        using System.Collections.Generic;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static int Run()
            {
                var left = Ops.IncDelayed(1);
                var right = Ops.IncDelayed(2);
                return Ops.AddDelayed(left, right).Compute();
            }

            public static int[] Loop()
            {
                var parts = new List<Delayed<int>>();
                for (int i = 0; i < 2; i++)
                {
                    parts.Add(Ops.IncDelayed(i));
                }

                return Delayed.All(parts).Compute();
            }
        }
        """);

    [Fact]
    public Task Stays_quiet_where_a_handle_escapes_or_comes_from_elsewhere() => VerifyAsync("""
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static Delayed<int>? Last;

            public static int Escapes(int x)
            {
                var a = Ops.IncDelayed(x);
                Keep(a);
                var b = Ops.IncDelayed(a);
                return b.Compute();
            }

            public static int StoredInField(int x)
            {
                var a = Ops.IncDelayed(x);
                Last = a;
                return Ops.IncDelayed(a).Compute();
            }

            public static int FromParameter(Delayed<int> input) => Ops.IncDelayed(Ops.IncDelayed(input)).Compute();

            public static int Reassigned()
            {
                var a = Ops.IncDelayed(1);
                a = Ops.IncDelayed(a);
                return a.Compute();
            }

            public static int Branch(bool flag)
            {
                var a = flag ? Ops.IncDelayed(1) : Ops.IncDelayed(2);
                return Ops.IncDelayed(a).Compute();
            }

            private static void Keep(DelayedNode node) => System.GC.KeepAlive(node);
        }
        """);

    [Fact]
    public Task Stays_quiet_on_a_graph_over_a_runtime_sized_collection() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static int Loop(IReadOnlyList<int> items)
            {
                var parts = new List<Delayed<int>>();
                foreach (int item in items)
                {
                    parts.Add(Ops.IncDelayed(item));
                }

                return Ops.SumDelayed(parts).Compute();
            }

            public static int Linq(IReadOnlyList<int> items) => Ops.SumDelayed(items.Select(i => Ops.IncDelayed(i)).ToList()).Compute();
        }
        """);
}

using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class TrivialGraphAnalyzerTests
{
    private const string TwoAddsFeedingASum = """
        using Shop;

        public static class Pipeline
        {
            public static int Run()
            {
                var a = Ops.AddDelayed(1, 2);
                var b = Ops.AddDelayed(3, 4);
                var sum = Ops.AddDelayed(a, b);
                return [|sum.Compute()|];
            }
        }
        """;

    private const string FourIncsInAConstantLoop = """
        using System.Collections.Generic;
        using TaskGraph;
        using Shop;

        public static class Pipeline
        {
            public static int[] Run()
            {
                var parts = new List<Delayed<int>>();
                for (int i = 0; i < 40; i++)
                {
                    parts.Add(Ops.IncDelayed(i));
                }

                return [|Delayed.All(parts).Compute()|];
            }
        }
        """;

    private static Task VerifyAsync(string markup, params (string Key, string Value)[] settings)
        => AnalyzerVerifier.VerifyAsync(new TrivialGraphAnalyzer(), markup, settings);

    [Fact]
    public Task Reports_two_additions_feeding_a_sum() => VerifyAsync(TwoAddsFeedingASum);

    [Fact]
    public Task Reports_nested_additions() => VerifyAsync("""
        using Shop;

        public static class Pipeline
        {
            public static int Run() => [|Ops.AddDelayed(Ops.AddDelayed(1, 2), Ops.AddDelayed(3, 4)).Compute()|];
        }
        """);

    [Fact]
    public Task Reports_multi_output_computes() => VerifyAsync("""
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static (int, int) Pair() => [|Delayed.Compute(Ops.AddDelayed(1, 2), Ops.AddDelayed(3, 4))|];
        }
        """);

    [Fact]
    public Task Stays_quiet_above_the_configured_size()
        => VerifyAsync(TwoAddsFeedingASum.Replace("[|", string.Empty).Replace("|]", string.Empty), ("taskgraph.TG1002.max_tasks", "2"));

    [Fact]
    public async Task Counts_tasks_of_loops_with_constant_bounds_against_the_threshold()
    {
        await VerifyAsync(FourIncsInAConstantLoop.Replace("[|", string.Empty).Replace("|]", string.Empty));
        await VerifyAsync(FourIncsInAConstantLoop, ("taskgraph.tg1002.MAX_TASKS", "64"));
    }

    [Fact]
    public Task Stays_quiet_when_a_task_does_real_work_or_the_graph_is_a_chain() => VerifyAsync("""
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static Data Costly(Data x, Data y) => Ops.ProcessDelayed(Ops.ProcessDelayed(x, y), Ops.ProcessDelayed(y, x)).Compute();

            public static int WithALoop() => Ops.SumDelayed(new[] { Ops.IncDelayed(1), Ops.IncDelayed(2) }).Compute();

            public static string Chain() => Ops.LabelDelayed(Ops.IncDelayed(1)).Compute();
        }
        """);

    // Collection expressions ([a, b], [..first, c]) build graphs as arrays and lists do.
    [Fact]
    public Task Sees_graphs_built_with_collection_expressions() => VerifyAsync("""
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static int[] Argument()
            {
                var a = Ops.AddDelayed(1, 2);
                var b = Ops.AddDelayed(3, 4);
                return [|Delayed.All([a, b]).Compute()|];
            }

            public static int[] Local()
            {
                var a = Ops.IncDelayed(1);
                var b = Ops.IncDelayed(2);
                Delayed<int>[] both = [a, b];
                return [|Delayed.All(both).Compute()|];
            }

            public static int[] Spread()
            {
                Delayed<int>[] first = [Ops.IncDelayed(1)];
                return [|Delayed.All([.. first, Ops.IncDelayed(2)]).Compute()|];
            }
        }
        """);
}

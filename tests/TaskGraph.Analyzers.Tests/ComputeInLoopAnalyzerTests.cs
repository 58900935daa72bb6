using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class ComputeInLoopAnalyzerTests
{
    private static Task VerifyAsync(string markup) => AnalyzerVerifier.VerifyAsync(new ComputeInLoopAnalyzer(), markup);

    [Fact]
    public Task Reports_a_compute_of_handles_built_in_the_loop() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Shop;

        public static class Pipeline
        {
            public static async Task<List<Data>> RunAsync(IEnumerable<string> paths, Data reference)
            {
                var results = new List<Data>();
                foreach (string path in paths)
                {
                    var loaded = Ops.LoadDelayed(path);
                    results.Add(await [|Ops.ProcessDelayed(loaded, reference).ComputeAsync()|]);
                }

                return results;
            }

            public static int Total(int count)
            {
                int total = 0;
                for (int i = 0; i < count; i++)
                {
                    total += [|Ops.IncDelayed(i).Compute()|];
                }

                return total;
            }
        }
        """);

    [Fact]
    public Task Stays_quiet_outside_loops_on_outer_handles_and_on_iterations_that_feed_each_other() => VerifyAsync("""
        using System.Collections.Generic;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static int Once() => Ops.IncDelayed(1).Compute();

            public static int Outer(int count)
            {
                var shared = Ops.IncDelayed(1);
                int total = 0;
                for (int i = 0; i < count; i++)
                {
                    total += shared.Compute();
                }

                return total;
            }

            public static int Iterative(int steps)
            {
                int state = 0;
                for (int i = 0; i < steps; i++)
                {
                    state = Ops.IncDelayed(state).Compute();
                }

                return state;
            }

            public static List<System.Func<int>> Deferred(int count)
            {
                var computes = new List<System.Func<int>>();
                for (int i = 0; i < count; i++)
                {
                    int copy = i;
                    computes.Add(() => Ops.IncDelayed(copy).Compute());
                }

                return computes;
            }
        }
        """);
}

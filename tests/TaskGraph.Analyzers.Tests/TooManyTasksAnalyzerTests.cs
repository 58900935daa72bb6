using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class TooManyTasksAnalyzerTests
{
    private static Task VerifyAsync(string markup, params (string Key, string Value)[] settings)
        => AnalyzerVerifier.VerifyAsync(new TooManyTasksAnalyzer(), markup, settings);

    [Fact]
    public Task Reports_cheap_wrappers_in_unknown_or_large_loops() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static List<Delayed<int>> Unknown(IEnumerable<int> items)
            {
                var parts = new List<Delayed<int>>();
                foreach (int item in items)
                {
                    parts.Add([|Ops.IncDelayed(item)|]);
                }

                return parts;
            }

            public static List<Delayed<int>> Linq(IEnumerable<int> items) => items.Select(i => [|Ops.IncDelayed(i)|]).ToList();

            public static List<Delayed<int>> LargeRange() => Enumerable.Range(0, 1000).Select(i => [|Ops.IncDelayed(i)|]).ToList();

            public static List<Delayed<int>> Large()
            {
                var parts = new List<Delayed<int>>();
                for (int i = 0; i < 1000; i++)
                {
                    parts.Add([|Ops.AddDelayed(i, 1)|]);
                }

                return parts;
            }
        }
        """);

    [Fact]
    public Task Stays_quiet_on_small_loops_and_costly_methods() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static List<Delayed<int>> Small()
            {
                var parts = new List<Delayed<int>>();
                for (int i = 0; i < 10; i++)
                {
                    parts.Add(Ops.IncDelayed(i));
                }

                return parts;
            }

            public static List<Delayed<Data>> Loads(IEnumerable<string> paths) => paths.Select(p => Ops.LoadDelayed(p)).ToList();

            public static List<Delayed<int>> FewLiterals() => new[] { 1, 2, 3 }.Select(i => Ops.IncDelayed(i)).ToList();

            public static List<Delayed<int>> SmallRange() => Enumerable.Range(0, 10).Select(i => Ops.IncDelayed(i)).ToList();

            public static List<Delayed<int>> Sums(IEnumerable<int[]> batches) => batches.Select(b => Ops.SumDelayed(b)).ToList();
        }
        """);

    [Fact]
    public Task Reads_the_threshold_from_editorconfig() => VerifyAsync("""
        using System.Collections.Generic;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static List<Delayed<int>> Small()
            {
                var parts = new List<Delayed<int>>();
                for (int i = 0; i < 10; i++)
                {
                    parts.Add([|Ops.IncDelayed(i)|]);
                }

                return parts;
            }
        }
        """, ("taskgraph.TG1010.min_iterations", "10"));
}

using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class ComputeInLoopFixerTests
{
    [Fact]
    public Task Collects_the_handles_and_computes_once_after_each_loop() => CodeFixVerifier.VerifyAsync(
        new ComputeInLoopAnalyzer(),
        new ComputeInLoopFixer(),
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static async Task<List<Data>> LoadAllAsync(IEnumerable<string> paths, Data reference)
            {
                var results = new List<Data>();
                foreach (string path in paths)
                {
                    var loaded = Ops.LoadDelayed(path);
                    results.Add(await Ops.ProcessDelayed(loaded, reference).ComputeAsync().ConfigureAwait(false));
                }

                return results;
            }

            public static List<int> Incremented(int count)
            {
                var handles = new List<int>();
                for (int i = 0; i < count; i++)
                {
                    handles.Add(Ops.IncDelayed(i).Compute());
                }

                return handles;
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static async Task<List<Data>> LoadAllAsync(IEnumerable<string> paths, Data reference)
            {
                var results = new List<Data>();
                var handles = new List<Delayed<Data>>();
                foreach (string path in paths)
                {
                    var loaded = Ops.LoadDelayed(path);
                    handles.Add(Ops.ProcessDelayed(loaded, reference));
                }
                results.AddRange(await Delayed.All(handles).ComputeAsync().ConfigureAwait(false));

                return results;
            }

            public static List<int> Incremented(int count)
            {
                var handles = new List<int>();
                var handles2 = new List<Delayed<int>>();
                for (int i = 0; i < count; i++)
                {
                    handles2.Add(Ops.IncDelayed(i));
                }
                handles.AddRange(Delayed.All(handles2).Compute());

                return handles;
            }
        }
        """);

    // Fixed in one pass, two loops of one method must not both declare `handles` (CS0128), nor may the
    // name clash with a local declared later in a nested scope (CS0136).
    [Fact]
    public Task Gives_each_loop_of_a_method_its_own_name() => CodeFixVerifier.VerifyAsync(
        new ComputeInLoopAnalyzer(),
        new ComputeInLoopFixer(),
        """
        using System.Collections.Generic;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static int Twice(int count)
            {
                var first = new List<int>();
                for (int i = 0; i < count; i++)
                {
                    first.Add(Ops.IncDelayed(i).Compute());
                }

                var second = new List<string>();
                for (int i = 0; i < count; i++)
                {
                    second.Add(Ops.LabelDelayed(i).Compute());
                }

                if (count > 0)
                {
                    var handles = first.Count + second.Count;
                    return handles;
                }

                return 0;
            }
        }
        """,
        """
        using System.Collections.Generic;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static int Twice(int count)
            {
                var first = new List<int>();
                var handles2 = new List<Delayed<int>>();
                for (int i = 0; i < count; i++)
                {
                    handles2.Add(Ops.IncDelayed(i));
                }
                first.AddRange(Delayed.All(handles2).Compute());

                var second = new List<string>();
                var handles3 = new List<Delayed<string>>();
                for (int i = 0; i < count; i++)
                {
                    handles3.Add(Ops.LabelDelayed(i));
                }
                second.AddRange(Delayed.All(handles3).Compute());

                if (count > 0)
                {
                    var handles = first.Count + second.Count;
                    return handles;
                }

                return 0;
            }
        }
        """);

    // A list read in the loop, a list of another element type (long, object), and a loop inside a try
    // (whose catch would see the results computed before the failure) keep the compute in the loop.
    [Fact]
    public Task Offers_nothing_where_computing_after_the_loop_would_change_the_program() => CodeFixVerifier.VerifyNoFixAsync(
        new ComputeInLoopAnalyzer(),
        new ComputeInLoopFixer(),
        """
        using System.Collections.Generic;
        using Shop;

        public static class Pipeline
        {
            public static List<int> Running(int count)
            {
                var totals = new List<int> { 0 };
                for (int i = 0; i < count; i++)
                {
                    totals.Add(Ops.AddDelayed(i, totals.Count).Compute());
                }

                return totals;
            }

            public static List<long> Widened(int count)
            {
                var values = new List<long>();
                for (int i = 0; i < count; i++)
                {
                    values.Add(Ops.IncDelayed(i).Compute());
                }

                return values;
            }

            public static List<object> Boxed(int count)
            {
                var values = new List<object>();
                for (int i = 0; i < count; i++)
                {
                    values.Add(Ops.IncDelayed(i).Compute());
                }

                return values;
            }

            public static int Partial(int count)
            {
                var values = new List<int>();
                try
                {
                    for (int i = 0; i < count; i++)
                    {
                        values.Add(Ops.IncDelayed(i).Compute());
                    }
                }
                catch (TaskGraph.DelayedTaskException)
                {
                }

                return values.Count;
            }
        }
        """);
}

using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class DelayedWithinDelayedFixerTests
{
    [Fact]
    public Task Replaces_a_computed_wrapper_call_with_the_direct_call() => CodeFixVerifier.VerifyAsync(
        new DelayedWithinDelayedAnalyzer(),
        new DelayedWithinDelayedFixer(),
        """
        using Shop;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed] public static int Twice(int x) => Ops.IncDelayed(Ops.IncDelayed(x)).Compute();

            [Delayed]
            public static string Named(int x)
            {
                var a = Ops.AddDelayed(x, 1);
                return Ops.LabelDelayed(a).Compute();
            }
        }
        """,
        """
        using Shop;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed] public static int Twice(int x) => Ops.Inc(Ops.Inc(x));

            [Delayed]
            public static string Named(int x)
            {
                var a = Ops.Add(x, 1);
                return Ops.Label(a);
            }
        }
        """);
}

using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class DelayedWithinDelayedAnalyzerTests
{
    private static Task VerifyAsync(string markup) => AnalyzerVerifier.VerifyAsync(new DelayedWithinDelayedAnalyzer(), markup);

    [Fact]
    public Task Reports_wrapper_calls_and_computes_inside_delayed_methods() => VerifyAsync("""
        using System.Linq;
        using Shop;
        using TaskGraph;

        public static partial class Steps
        {
            [Delayed] public static int Twice(int x) => [|Ops.IncDelayed(x)|].Compute();

            [Delayed] public static int Unwrap(Delayed<int> handle) => [|handle.Compute()|];

            [Delayed] public static int InLambda(int[] xs) => xs.Select(x => [|Ops.IncDelayed(x)|].Compute()).Sum();
        }
        """);

    [Fact]
    public Task Stays_quiet_outside_delayed_methods_and_on_direct_calls() => VerifyAsync("""
        using Shop;
        using TaskGraph;

        public static partial class Steps
        {
            public static int Plain(int x) => Ops.IncDelayed(x).Compute();

            [Delayed] public static int Direct(int x) => Ops.Inc(Ops.Inc(x));
        }
        """);
}

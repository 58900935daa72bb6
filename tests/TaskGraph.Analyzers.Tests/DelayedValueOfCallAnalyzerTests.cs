using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using TaskGraph.Analyzers.Rules;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class DelayedValueOfCallAnalyzerTests
{
    private static Task VerifyAsync(string markup) => AnalyzerVerifier.VerifyAsync(new DelayedValueOfCallAnalyzer(), markup);

    [Fact]
    public Task Reports_a_delayed_method_called_where_a_handle_is_made() => VerifyAsync("""
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static Delayed<int> Value() => [|Delayed.Value(Ops.Inc(1))|];

            public static Delayed<int> Converted() => Ops.IncDelayed([|Ops.Inc(1)|]);

            public static Delayed<int> Assigned()
            {
                Delayed<int> handle = [|Ops.Add(1, 2)|];
                return handle;
            }
        }
        """);

    [Fact]
    public Task Stays_quiet_on_values_and_ordinary_calls() => VerifyAsync("""
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static Delayed<int> Constant() => Delayed.Value(5);

            public static Delayed<int> Ordinary() => Ops.IncDelayed(System.Math.Abs(-1));

            public static int Direct() => Ops.Inc(Ops.Inc(1));
        }
        """);

    [Fact]
    public Task Names_the_wrapper_that_the_Name_option_gives()
    {
        // The message named TwiceDelayed, a name the generator does not write when the attribute names the wrapper.
        var test = new TaskGraphTest(new DelayedValueOfCallAnalyzer(), fixer: null, """
            using TaskGraph;

            public static partial class Named
            {
                [Delayed(Name = "DoubleLater")] public static int TwiceAsync(int x) => 2 * x;

                public static Delayed<int> Value() => Delayed.Value(TwiceAsync(1));
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DelayedValueOfCallAnalyzer.Rule)
            .WithSpan(TaskGraphTest.Folder + AnalyzerVerifier.PipelinePath, 7, 43, 7, 71)
            .WithArguments("TwiceAsync", "DoubleLater"));
        return test.RunAsync();
    }
}

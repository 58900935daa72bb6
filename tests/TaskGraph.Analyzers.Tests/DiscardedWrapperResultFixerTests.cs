using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class DiscardedWrapperResultFixerTests
{
    [Fact]
    public Task Removes_calls_that_never_run() => CodeFixVerifier.VerifyAsync(
        new DiscardedWrapperResultAnalyzer(),
        new DiscardedWrapperResultFixer(),
        """
        using Shop;

        public static class Pipeline
        {
            public static int Run(int x)
            {
                Ops.LogDelayed("starting");
                _ = Ops.IncDelayed(Ops.IncDelayed(x));
                return Ops.IncDelayed(2).Compute();
            }
        }
        """,
        """
        using Shop;

        public static class Pipeline
        {
            public static int Run(int x)
            {
                return Ops.IncDelayed(2).Compute();
            }
        }
        """);

    // Evaluating the arguments has effects of its own: the increment and the eager call must stay.
    [Fact]
    public Task Offers_nothing_where_the_arguments_have_effects() => CodeFixVerifier.VerifyNoFixAsync(
        new DiscardedWrapperResultAnalyzer(),
        new DiscardedWrapperResultFixer(),
        """
        using Shop;

        public static class Pipeline
        {
            public static int Run()
            {
                int i = 0;
                Ops.IncDelayed(i++);
                _ = Ops.IncDelayed(Ops.Add(1, 2));
                return i;
            }
        }
        """);
}

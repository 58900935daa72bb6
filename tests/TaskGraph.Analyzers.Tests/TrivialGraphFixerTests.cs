using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class TrivialGraphFixerTests
{
    [Fact]
    public Task Calls_the_methods_directly() => CodeFixVerifier.VerifyAsync(
        new TrivialGraphAnalyzer(),
        new TrivialGraphFixer(),
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
        """);

    [Fact]
    public Task Offers_nothing_for_handles_built_in_a_loop() => CodeFixVerifier.VerifyNoFixAsync(
        new TrivialGraphAnalyzer(),
        new TrivialGraphFixer(),
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
}

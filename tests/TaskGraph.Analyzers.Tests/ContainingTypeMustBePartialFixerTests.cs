using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class ContainingTypeMustBePartialFixerTests
{
    [Fact]
    public Task Adds_partial_to_every_type_around_the_method() => CodeFixVerifier.VerifyAsync(
        new ContainingTypeNotPartialAnalyzer(),
        new ContainingTypeMustBePartialFixer(),
        """
        using TaskGraph;

        namespace Shop.Tools
        {
            public static class Outer
            {
                internal sealed class Inner
                {
                    [Delayed] public static int {|TG0001:Double|}(int x) => x * 2;

                    [Delayed] public static int {|TG0001:Triple|}(int x) => x * 3;
                }
            }

            /// <summary>Bare.</summary>
            class Bare
            {
                [Delayed] public int {|TG0001:Same|}(int x) => x;
            }
        }
        """,
        """
        using TaskGraph;

        namespace Shop.Tools
        {
            public static partial class Outer
            {
                internal sealed partial class Inner
                {
                    [Delayed] public static int Double(int x) => x * 2;

                    [Delayed] public static int Triple(int x) => x * 3;
                }
            }

            /// <summary>Bare.</summary>
            partial class Bare
            {
                [Delayed] public int Same(int x) => x;
            }
        }
        """);
}

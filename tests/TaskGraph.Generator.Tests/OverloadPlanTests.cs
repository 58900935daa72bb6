using System.Linq;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>How many wrapper overloads a method gets, and that each generated file belongs to one type.</summary>
public class OverloadPlanTests
{
    [Theory]
    [InlineData("int M(int a, string b)", 1)]
    [InlineData("int M(int[] a)", 2)]
    [InlineData("int M(params int[] a)", 2)]
    [InlineData("int M(IReadOnlyList<int> a)", 3)]
    [InlineData("int M(int[] a, List<int> b, IEnumerable<int> c)", 2 * 2 * 3)]
    [InlineData("int M(IReadOnlyList<int> a, IReadOnlyList<int> b, IReadOnlyList<int> c)", 3 * 3 * 3)]
    [InlineData("int M(int[] a, int[] b, int[] c, int[] d)", 2)]
    [InlineData("int M(int[] a, int[] b, int[] c, IReadOnlyList<int> d)", 3)]
    [InlineData("int M(int[] a, int[] b, int[] c, params int[] d)", 3)]
    [InlineData("int M(int[]? a = null)", 1)]
    [InlineData("int M(int[] a, CancellationToken ct)", 2)]
    public void Overload_count_follows_the_documented_plan(string signature, int expected)
    {
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + $"public static partial class C {{ [Delayed] public static {signature} => 0; }}");
        Assert.Equal(expected, GeneratorAssert.MethodNames(run, "C").Count(n => n == "MDelayed"));
    }

    [Fact]
    public void A_sequence_overload_two_methods_would_share_is_written_once()
    {
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + """
            public static partial class C
            {
                [Delayed] public static int M(int[] values) => 1;
                [Delayed] public static int M(List<int> values) => 2;
            }
            """);

        // Two cores and one IEnumerable<Delayed<int>> overload (the first method's).
        Assert.Equal(3, GeneratorAssert.MethodNames(run, "C").Count(n => n == "MDelayed"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(GeneratorAssert.SingleSource(run), @"MDelayed\(global::System\.Collections\.Generic\.IEnumerable"));
    }

    [Fact]
    public void Each_containing_type_gets_its_own_file_with_a_unique_name()
    {
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + """
            namespace A { public static partial class G { [Delayed] public static int M() => 1; } }
            namespace A { public partial class G<T> { [Delayed] public static int M() => 1; public partial class G2 { [Delayed] public static int M() => 1; } } }
            namespace A.G3 { public static partial class G { [Delayed] public static int M() => 1; } }
            public static partial class G { [Delayed] public static int M() => 1; }
            """);
        Assert.Equal(
            new[] { "A.G.Delayed.g.cs", "A.G3.G.Delayed.g.cs", "A.G`1+G2.Delayed.g.cs", "A.G`1.Delayed.g.cs", "G.Delayed.g.cs" },
            run.GeneratedSources.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
    }
}

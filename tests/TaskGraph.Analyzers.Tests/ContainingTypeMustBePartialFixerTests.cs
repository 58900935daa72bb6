using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TaskGraph.CodeFixes;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class ContainingTypeMustBePartialFixerTests
{
    [Fact]
    public Task Adds_partial_to_every_type_around_the_method() => CodeFixVerifier.VerifyAsync(
        new GeneratorDiagnosticsAnalyzer(DiagnosticIds.ContainingTypeMustBePartial),
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

    [Fact]
    public void The_generator_reports_the_fixed_id_inside_the_method()
    {
        const string Source = """
            using TaskGraph;

            public class Bare
            {
                [Delayed] public int Same(int x) => x;
            }
            """;
        var run = GeneratorRun.Start(TestCompilation.Create(Source));
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == DiagnosticIds.ContainingTypeMustBePartial);
        var method = run.Input.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        Assert.True(method.Span.Contains(diagnostic.Location.SourceSpan), $"{diagnostic} is not inside the method.");
    }
}

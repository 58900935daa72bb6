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
        new NonPartialContainerAnalyzer(),
        new ContainingTypeMustBePartialFixer(),
        """
        using TaskGraph;

        namespace Shop.Tools
        {
            public static class Outer
            {
                internal sealed class Inner
                {
                    [Delayed] public static int Double(int x) => x * 2;

                    [Delayed] public static int Triple(int x) => x * 3;
                }
            }

            /// <summary>Bare.</summary>
            class Bare
            {
                [Delayed] public int Same(int x) => x;
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

    /// <summary>
    /// Stands in for the generator's "containing type must be partial" diagnostic (checked against the
    /// real generator above), which a workspace's analyzer diagnostics do not include.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NonPartialContainerAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new(
            DiagnosticIds.ContainingTypeMustBePartial, "Containing type must be partial", "'{0}' needs partial containing types", "Usage", DiagnosticSeverity.Error, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.MethodDeclaration);
        }

        private static void Analyze(SyntaxNodeAnalysisContext context)
        {
            var method = (MethodDeclarationSyntax)context.Node;
            bool delayed = method.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "Delayed");
            bool allPartial = true;
            foreach (var type in method.Ancestors())
            {
                if (type is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    allPartial = false;
                }
            }

            if (delayed && !allPartial)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, method.Identifier.GetLocation(), method.Identifier.ValueText));
            }
        }
    }
}

using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TaskGraph.Testing;

namespace TaskGraph.Analyzers.Tests;

/// <summary>
/// Applies a code fix through Microsoft.CodeAnalysis.Testing: one diagnostic at a time until none is left,
/// and Fix All in the document, the project and the solution; each must give <c>after</c>, which must
/// compile; the fixer's equivalence keys are checked too.
/// </summary>
internal static class CodeFixVerifier
{
    /// <summary>
    /// Fixes every <paramref name="analyzer"/> diagnostic of <paramref name="before"/> and asserts the pipeline
    /// then reads <paramref name="after"/>, where <c>[|...|]</c> marks a diagnostic the fix must leave (a
    /// fix that is not offered there). The diagnostics of <paramref name="before"/> are its marks, or when it
    /// has none, what the analyzer reports there (the analyzer tests check those).
    /// </summary>
    public static Task VerifyAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, string before, string after)
    {
        string id = analyzer.SupportedDiagnostics[0].Id;
        var test = new TaskGraphTest(analyzer, fixer, before);
        var plain = Markup.Parse(before);
        if (plain.Spans.IsEmpty)
        {
            test.TestState.ExpectedDiagnostics.AddRange(DiagnosticsOf(analyzer, before));
        }

        test.FixedState.Sources.Add((TaskGraphTest.Folder + AnalyzerVerifier.PipelinePath, after.Replace("[|", "{|" + id + ":").Replace("|]", "|}")));
        foreach (var (path, text) in TaskGraphTest.Support(plain.Text))
        {
            test.FixedState.Sources.Add((TaskGraphTest.Folder + path, text));
        }

        // A fix may settle several diagnostics at once (one `partial` for two methods), so the passes are bounded, not counted.
        int bound = -(test.TestState.ExpectedDiagnostics.Count + plain.Spans.Length + 1);
        test.NumberOfIncrementalIterations = bound;
        test.NumberOfFixAllIterations = bound;
        test.NumberOfFixAllInDocumentIterations = bound;
        test.NumberOfFixAllInProjectIterations = bound;
        return test.RunAsync();
    }

    /// <summary>Asserts that the fixer offers nothing for any diagnostic of <paramref name="source"/> (which must have some).</summary>
    public static Task VerifyNoFixAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, string source)
    {
        var expected = DiagnosticsOf(analyzer, source);
        Xunit.Assert.NotEmpty(expected);
        var test = new TaskGraphTest(analyzer, fixer, source);
        test.TestState.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.Sources.AddRange(test.TestState.Sources);
        test.FixedState.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // What the analyzer reports over the test's sources (the input's diagnostics are the analyzer tests' concern; a fix test needs them listed).
    private static DiagnosticResult[] DiagnosticsOf(DiagnosticAnalyzer analyzer, string source)
    {
        var compilation = AnalyzerVerifier.Compile(source);
        var run = AnalyzerRun.RunAsync(compilation, System.Collections.Immutable.ImmutableArray.Create(analyzer)).GetAwaiter().GetResult();
        Xunit.Assert.True(run.Exceptions.IsEmpty, run.DescribeExceptions());
        return run.Diagnostics
            .Where(d => d.Location.IsInSource)
            .Select(d => d.AdditionalLocations.Aggregate(
                WithSpan(new DiagnosticResult(d.Id, d.Severity).WithMessage(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)), d.Location),
                WithSpan))
            .ToArray();
    }

    private static DiagnosticResult WithSpan(DiagnosticResult result, Location location)
    {
        var span = location.GetLineSpan();
        return result.WithSpan(TaskGraphTest.Folder + span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
    }
}

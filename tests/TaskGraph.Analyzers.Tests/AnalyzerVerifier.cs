using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

/// <summary>Runs one analyzer over a pipeline written with expected diagnostics marked in it (see <see cref="Markup"/>).</summary>
internal static class AnalyzerVerifier
{
    /// <summary>The file name of the pipeline under test.</summary>
    public const string PipelinePath = "Pipeline.cs";

    /// <summary>The sources of a test: the pipeline and the [Delayed] methods it calls.</summary>
    public static (string Path, string Text)[] Sources(string pipeline)
        => new[] { (PipelinePath, pipeline), ("Ops.cs", TestSources.Ops) };

    /// <summary>
    /// A compilation of <paramref name="pipeline"/> with the test's [Delayed] methods, after the
    /// TaskGraph generator ran (so the wrappers exist, as in a user's build).
    /// </summary>
    public static Compilation Compile(string pipeline) => GeneratorRun.Start(TestCompilation.Create(Sources(pipeline))).Output;

    /// <summary>
    /// Asserts that <paramref name="analyzer"/> reports exactly the marked spans of
    /// <paramref name="markup"/> (which must compile without errors) and throws nothing.
    /// </summary>
    public static async Task VerifyAsync(DiagnosticAnalyzer analyzer, string markup, AnalyzerConfigOptionsProvider? options = null)
    {
        var parsed = Markup.Parse(markup);
        var compilation = Compile(parsed.Text);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.True(errors.IsEmpty, "The test input does not compile:\n" + TestCompilation.Describe(errors));

        var run = await AnalyzerRun.RunAsync(compilation, ImmutableArray.Create(analyzer), options);
        Assert.True(run.Exceptions.IsEmpty, run.DescribeExceptions());

        string defaultId = analyzer.SupportedDiagnostics[0].Id;
        var expected = parsed.Spans
            .Select(s => $"{s.Id ?? defaultId} {s.Span}")
            .OrderBy(s => s, System.StringComparer.Ordinal);
        var actual = run.Diagnostics
            .Where(d => d.Location.SourceTree?.FilePath == PipelinePath)
            .Select(d => $"{d.Id} {d.Location.SourceSpan}")
            .OrderBy(s => s, System.StringComparer.Ordinal);
        Assert.True(
            expected.SequenceEqual(actual),
            $"Expected:\n{string.Join("\n", expected)}\nActual:\n{TestCompilation.Describe(run.Diagnostics)}");
    }
}

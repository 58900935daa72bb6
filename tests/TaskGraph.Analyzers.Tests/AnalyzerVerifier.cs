using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TaskGraph.Testing;

namespace TaskGraph.Analyzers.Tests;

/// <summary>Runs one analyzer over a pipeline written with expected diagnostics marked in it, through Microsoft.CodeAnalysis.Testing.</summary>
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
    /// Asserts that <paramref name="analyzer"/> reports exactly the marked spans of <paramref name="markup"/>
    /// (<c>[|...|]</c> for the analyzer's rule, <c>{|TG1001:...|}</c> for a named one), which must compile
    /// without errors, with <paramref name="settings"/> in the <c>.editorconfig</c>. The library also checks
    /// that nothing is reported in generated code and that <c>#pragma</c> suppresses each diagnostic.
    /// </summary>
    public static Task VerifyAsync(DiagnosticAnalyzer analyzer, string markup, params (string Key, string Value)[] settings)
    {
        string id = analyzer.SupportedDiagnostics[0].Id;
        var test = new TaskGraphTest(analyzer, fixer: null, markup.Replace("[|", "{|" + id + ":").Replace("|]", "|}"));
        if (settings.Length > 0)
        {
            string lines = string.Join("\n", System.Array.ConvertAll(settings, s => $"{s.Key} = {s.Value}"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*]\n{lines}\n"));
        }

        return test.RunAsync();
    }
}

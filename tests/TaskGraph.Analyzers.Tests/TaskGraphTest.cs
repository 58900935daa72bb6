using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TaskGraph.Testing;

namespace TaskGraph.Analyzers.Tests;

/// <summary>
/// One analyzer (and optionally its fixer) run by Microsoft.CodeAnalysis.Testing on a pipeline, the
/// test's <c>[Delayed]</c> methods and the TaskGraph generator's output for them, against .NET 8's
/// reference assemblies and TaskGraph.dll, with the options a user's project has (latest C#, nullable).
/// The generator runs once here and its output is added as ordinary documents: through
/// <c>GetSourceGenerators()</c> the fixer's document would not see the wrappers.
/// </summary>
internal sealed class TaskGraphTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
{
    /// <summary>The folder of the test project's documents (where the <c>.editorconfig</c> applies).</summary>
    public const string Folder = "/0/";

    private readonly DiagnosticAnalyzer analyzer;
    private readonly CodeFixProvider? fixer;

    public TaskGraphTest(DiagnosticAnalyzer analyzer, CodeFixProvider? fixer, string pipeline)
    {
        this.analyzer = analyzer;
        this.fixer = fixer;
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(TaskGraph.Delayed).Assembly.Location));
        TestState.Sources.Add((Folder + AnalyzerVerifier.PipelinePath, pipeline));
        foreach (var (path, text) in Support(Markup.Parse(pipeline).Text))
        {
            TestState.Sources.Add((Folder + path, text));
        }
    }

    /// <summary>
    /// The test's <c>[Delayed]</c> methods and what the generator writes for them and <paramref name="pipeline"/>
    /// (plain text): the documents beside the pipeline, the same before and after a fix.
    /// </summary>
    public static IEnumerable<(string Path, string Text)> Support(string pipeline)
    {
        yield return ("Ops.cs", TestSources.Ops);
        var run = GeneratorRun.Start(TestCompilation.Create(AnalyzerVerifier.Sources(pipeline)));
        foreach (var generated in run.GeneratedSources.OrderBy(s => s.Key, System.StringComparer.Ordinal))
        {
            yield return ("Generated/" + generated.Key, generated.Value);
        }
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { analyzer };

    protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => fixer is null ? Enumerable.Empty<CodeFixProvider>() : new[] { fixer };

    protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions()
        => ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}

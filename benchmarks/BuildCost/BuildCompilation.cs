using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskGraph.Testing;

namespace BuildCost;

/// <summary>
/// In-process compilations of the generated project as <c>dotnet build</c> compiles it: documentation
/// comments are plain comments (no <c>/doc</c>: the project does not generate an XML documentation
/// file), unlike the tests' compilations, which check generated crefs.
/// </summary>
internal static class BuildCompilation
{
    public static CSharpParseOptions ParseOptions { get; } = TestCompilation.ParseOptions.WithDocumentationMode(DocumentationMode.None);

    /// <summary>A compilation of <paramref name="sources"/>, parsed afresh (nothing bound yet).</summary>
    public static Compilation Create(IEnumerable<(string Path, string Text)> sources)
        => TestCompilation.Create().AddSyntaxTrees(sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)));

    /// <summary><paramref name="compilation"/> with the TaskGraph generator's output added (nothing, where no method is <c>[Delayed]</c> TaskGraph's way).</summary>
    public static Compilation WithGeneratedCode(Compilation compilation)
    {
        CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> _);
        return output;
    }

    /// <summary>A driver of the TaskGraph generator without step tracking, as the compiler and the IDE run it.</summary>
    public static GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            new[] { new TaskGraph.Generator.DelayedGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}

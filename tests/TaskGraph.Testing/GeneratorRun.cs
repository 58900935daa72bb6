using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TaskGraph.Testing;

/// <summary>The result of running the TaskGraph generator over a compilation.</summary>
/// <param name="Driver">The driver after the run; run it again on an edited compilation to test caching.</param>
/// <param name="Input">The compilation the generator saw.</param>
/// <param name="Output">The compilation with the generated sources added.</param>
/// <param name="GeneratorDiagnostics">Diagnostics the generator reported.</param>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Runs the generator with step tracking on, as the incremental tests need.</summary>
    public static GeneratorRun Start(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new TaskGraph.Generator.DelayedGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Continue(driver, compilation);
    }

    /// <summary>Runs the generator over a compilation of <paramref name="sources"/>.</summary>
    public static GeneratorRun Start(params string[] sources) => Start(TestCompilation.Create(sources));

    /// <summary>Runs the same driver again on <paramref name="compilation"/> (an edit of the previous input).</summary>
    public static GeneratorRun Continue(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    /// <summary>The run's result for the TaskGraph generator: generated sources, tracked steps, exception if it threw.</summary>
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>Generated sources by hint name.</summary>
    public ImmutableDictionary<string, string> GeneratedSources
        => Result.GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Warnings and errors of the output compilation (generated code included).</summary>
    public ImmutableArray<Diagnostic> OutputWarningsAndErrors => TestCompilation.WarningsAndErrors(Output);
}

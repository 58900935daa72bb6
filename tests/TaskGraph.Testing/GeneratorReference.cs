using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TaskGraph.Testing;

/// <summary>
/// The TaskGraph generator as a workspace project's analyzer reference, so that the project's
/// compilation holds the generated wrappers as it does in the IDE.
/// </summary>
public sealed class GeneratorReference : AnalyzerReference
{
    private static readonly ISourceGenerator Generator = new TaskGraph.Generator.DelayedGenerator().AsSourceGenerator();

    /// <summary>The one instance; workspaces compare references by identity.</summary>
    public static GeneratorReference Instance { get; } = new();

    private GeneratorReference()
    {
    }

    /// <inheritdoc/>
    public override string? FullPath => null;

    /// <inheritdoc/>
    public override object Id => typeof(TaskGraph.Generator.DelayedGenerator);

    /// <inheritdoc/>
    public override string Display => "TaskGraph.Generator";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

    /// <inheritdoc/>
    public override ImmutableArray<ISourceGenerator> GetGenerators(string language)
        => language == LanguageNames.CSharp ? ImmutableArray.Create(Generator) : ImmutableArray<ISourceGenerator>.Empty;

    /// <inheritdoc/>
    [Obsolete("Use GetGenerators(string language) or GetGeneratorsForAllLanguages()")]
    public override ImmutableArray<ISourceGenerator> GetGenerators() => ImmutableArray<ISourceGenerator>.Empty;

    /// <inheritdoc/>
    public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => ImmutableArray.Create(Generator);
}

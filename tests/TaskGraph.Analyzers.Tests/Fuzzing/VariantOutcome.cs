using System.Collections.Immutable;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>What happened to one variant.</summary>
/// <param name="Variant">The variant.</param>
/// <param name="Failures">Broken promises (an exception, an error in generated code), empty when all held.</param>
/// <param name="HasSyntaxErrors">The mutation left a syntax error.</param>
/// <param name="Compiled">The variant compiled without errors, generated code included.</param>
/// <param name="GeneratorDiagnostics">Diagnostics the generator reported.</param>
/// <param name="AnalyzerDiagnostics">Ids of the diagnostics the analyzers reported.</param>
/// <param name="CodeFixesApplied">Code actions computed and applied to a workspace; null when code fixes did not run on it.</param>
internal sealed record VariantOutcome(
    FuzzVariant Variant,
    ImmutableArray<string> Failures,
    bool HasSyntaxErrors,
    bool Compiled,
    int GeneratorDiagnostics,
    ImmutableArray<string> AnalyzerDiagnostics,
    int? CodeFixesApplied);

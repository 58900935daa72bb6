using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>TG1002: a computed graph too small to pay for scheduling becomes direct calls of its methods.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrivialGraphFixer)), Shared]
public sealed class TrivialGraphFixer : DirectCallsFixer
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.TrivialGraph);

    /// <inheritdoc/>
    protected override string Title => "Call the methods directly, without scheduling";
}

using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>TG1001: a computed chain becomes direct calls of its methods.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SequentialGraphFixer)), Shared]
public sealed class SequentialGraphFixer : DirectCallsFixer
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.SequentialGraph);

    /// <inheritdoc/>
    protected override string Title => "Call the methods directly";
}

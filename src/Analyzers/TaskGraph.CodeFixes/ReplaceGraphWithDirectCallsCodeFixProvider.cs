using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>TG1001 and TG1002: replaces a compute and the graph behind it with direct calls of the methods.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceGraphWithDirectCallsCodeFixProvider)), Shared]
public sealed class ReplaceGraphWithDirectCallsCodeFixProvider : DirectCallsCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.SequentialGraph, DiagnosticIds.TrivialGraph);

    /// <inheritdoc/>
    protected override string Title => "Call the methods directly";

    // The diagnostic marks the compute itself.
    private protected override InvocationExpressionSyntax? FindCompute(SyntaxNode node) => node as InvocationExpressionSyntax;
}

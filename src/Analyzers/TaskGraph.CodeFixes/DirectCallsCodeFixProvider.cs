using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>Replaces a compute and the graph behind it with direct calls (see <see cref="DirectCallRewrite"/>).</summary>
public abstract class DirectCallsCodeFixProvider : DocumentCodeFixProvider
{
    /// <summary>The compute call to rewrite for a diagnostic on <paramref name="node"/>, if any.</summary>
    private protected abstract InvocationExpressionSyntax? FindCompute(SyntaxNode node);

    /// <inheritdoc/>
    protected sealed override async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || TaskGraphSymbols.TryCreate(model.Compilation) is not { } symbols)
        {
            return null;
        }

        var replacements = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>();
        foreach (var diagnostic in diagnostics)
        {
            if (FindCompute(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)) is { } compute)
            {
                DirectCallRewrite.TryPlan(model, symbols, compute, replacements, cancellationToken);
            }
        }

        return replacements.Count == 0
            ? null
            : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, rewritten) => replacements[original](rewritten)));
    }
}

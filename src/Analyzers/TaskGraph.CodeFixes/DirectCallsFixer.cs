namespace TaskGraph.CodeFixes;

/// <summary>Replaces a compute and the graph behind it with direct calls of the methods (see <see cref="DirectCallRewrite"/>).</summary>
public abstract class DirectCallsFixer : TaskGraphCodeFixProvider
{
    /// <summary>A fixer of diagnostic <paramref name="id"/> by direct calls.</summary>
    private protected DirectCallsFixer(string id, string title)
        : base(id, title)
    {
    }

    /// <summary>The compute call to rewrite for a diagnostic on <paramref name="node"/>: by default the node itself.</summary>
    private protected virtual InvocationExpressionSyntax? FindCompute(SyntaxNode node) => node as InvocationExpressionSyntax;

    private protected sealed override bool TryPlan(FixableDocument document, Diagnostic diagnostic, SyntaxNode node, DocumentEdits edits, CancellationToken cancellationToken)
        => FindCompute(node) is { } compute && DirectCallRewrite.TryPlan(document, compute, edits, cancellationToken);
}

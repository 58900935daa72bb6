namespace TaskGraph.CodeFixes;

/// <summary>
/// TG1008: removes a statement whose only effect is a wrapper call whose handle is thrown away (the
/// method never runs anyway). Offered only where evaluating the call's arguments has no effect either
/// (<c>SaveDelayed(i++)</c> or <c>StoreDelayed(Load(3))</c> would lose the increment or the eager call).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DiscardedWrapperResultFixer)), Shared]
public sealed class DiscardedWrapperResultFixer() : TaskGraphCodeFixProvider(DiagnosticIds.DiscardedWrapperResult, "Remove the call that never runs")
{
    private protected override bool TryPlan(FixableDocument document, Diagnostic diagnostic, SyntaxNode node, DocumentEdits edits, CancellationToken cancellationToken)
    {
        // Only a statement in a block (or a top-level one) can go; an if's or loop's sole statement would leave invalid code.
        SyntaxNode? removable = node.FirstAncestorOrSelf<ExpressionStatementSyntax>() switch
        {
            { Parent: BlockSyntax } statement => statement,
            { Parent: GlobalStatementSyntax global } => global,
            _ => null,
        };
        if (removable is null
            || document.Model.GetOperation(node.FirstAncestorOrSelf<ExpressionStatementSyntax>()!.Expression, cancellationToken) is not { } operation
            || !SideEffectFree.Is(operation, document.Symbols))
        {
            return false;
        }

        edits.Remove(removable);
        return true;
    }
}

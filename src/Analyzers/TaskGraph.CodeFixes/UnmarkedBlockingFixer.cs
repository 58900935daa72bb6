namespace TaskGraph.CodeFixes;

/// <summary>TG1009: sets <c>Blocking = true</c> on the <c>[Delayed]</c> attribute of the method that blocks.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnmarkedBlockingFixer)), Shared]
public sealed class UnmarkedBlockingFixer() : TaskGraphCodeFixProvider(DiagnosticIds.UnmarkedBlocking, "Mark the method Blocking = true")
{
    private protected override bool TryPlan(FixableDocument document, Diagnostic diagnostic, SyntaxNode node, DocumentEdits edits, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || DelayedAttributeSyntax.Find(method, document, cancellationToken) is not { } attribute)
        {
            return false;
        }

        edits.Replace(attribute, rewritten => DelayedAttributeSyntax.WithOption((AttributeSyntax)rewritten, "Blocking", SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)));
        return true;
    }
}

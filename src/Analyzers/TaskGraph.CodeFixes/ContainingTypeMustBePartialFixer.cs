namespace TaskGraph.CodeFixes;

/// <summary>
/// Fixes the generator's "containing type must be partial" diagnostic: adds <c>partial</c> to every
/// type declaration around the <c>[Delayed]</c> method that lacks it (a type without <c>partial</c>
/// has exactly one declaration, so the fix stays in one document).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContainingTypeMustBePartialFixer)), Shared]
public sealed class ContainingTypeMustBePartialFixer() : TaskGraphCodeFixProvider(DiagnosticIds.ContainingTypeMustBePartial, "Make the containing types partial")
{
    private protected override bool TryPlan(FixableDocument document, Diagnostic diagnostic, SyntaxNode node, DocumentEdits edits, CancellationToken cancellationToken)
    {
        bool any = false;
        foreach (var type in node.AncestorsAndSelf())
        {
            if (type is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                edits.Replace(declaration, rewritten => AddPartial((TypeDeclarationSyntax)rewritten));
                any = true;
            }
        }

        return any;
    }

    // 'partial' goes last among the modifiers (C# requires it right before the keyword), or before the
    // keyword when there are none, taking over the keyword's leading trivia.
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
        }

        var keyword = declaration.Keyword;
        var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia())
            .WithModifiers(SyntaxFactory.TokenList(partial));
    }
}

using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>TG1009: sets <c>Blocking = true</c> on the <c>[Delayed]</c> attribute of the method that blocks.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnmarkedBlockingFixer)), Shared]
public sealed class UnmarkedBlockingFixer : TaskGraphCodeFixProvider
{
    /// <summary>The fixer, as the IDE's light bulb and Fix All use it.</summary>
    public UnmarkedBlockingFixer()
        : base(DiagnosticIds.UnmarkedBlocking, "Mark the method Blocking = true")
    {
    }

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

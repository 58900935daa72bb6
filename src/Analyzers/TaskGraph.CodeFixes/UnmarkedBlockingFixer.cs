using System.Collections.Immutable;
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
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnmarkedBlocking);

    /// <inheritdoc/>
    protected override string Title => "Mark the method Blocking = true";

    private protected override bool TryPlan(FixableDocument document, Diagnostic diagnostic, SyntaxNode node, DocumentEdits edits, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || FindDelayedAttribute(method, document, cancellationToken) is not { } attribute)
        {
            return false;
        }

        edits.Replace(attribute, rewritten => WithBlocking((AttributeSyntax)rewritten));
        return true;
    }

    private static AttributeSyntax? FindDelayedAttribute(MethodDeclarationSyntax method, FixableDocument document, CancellationToken cancellationToken)
    {
        foreach (var list in method.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (document.Model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor
                    && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, document.Symbols.DelayedAttribute))
                {
                    return attribute;
                }
            }
        }

        return null;
    }

    private static AttributeSyntax WithBlocking(AttributeSyntax attribute)
    {
        var value = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameEquals?.Name.Identifier.ValueText == "Blocking")
            {
                return attribute.WithArgumentList(attribute.ArgumentList!.WithArguments(arguments.Replace(arguments[i], arguments[i].WithExpression(value))));
            }
        }

        var blocking = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(
                SyntaxFactory.IdentifierName("Blocking"),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            nameColon: null,
            value);
        var list = arguments.Count == 0
            ? SyntaxFactory.SingletonSeparatedList(blocking)
            : SyntaxFactory.SeparatedList<AttributeArgumentSyntax>(arguments.GetWithSeparators()
                .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))
                .Add(blocking));
        return attribute.WithArgumentList((attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList()).WithArguments(list));
    }
}

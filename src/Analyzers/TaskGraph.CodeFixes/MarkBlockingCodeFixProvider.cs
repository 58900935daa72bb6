using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>TG1009: sets <c>Blocking = true</c> on the <c>[Delayed]</c> attribute of the method that blocks.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkBlockingCodeFixProvider)), Shared]
public sealed class MarkBlockingCodeFixProvider : DocumentCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnmarkedBlocking);

    /// <inheritdoc/>
    protected override string Title => "Mark the method Blocking = true";

    /// <inheritdoc/>
    protected override async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var attributes = new HashSet<AttributeSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            var method = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<MethodDeclarationSyntax>();
            if (method is not null && FindDelayedAttribute(method, model, cancellationToken) is { } attribute)
            {
                attributes.Add(attribute);
            }
        }

        return attributes.Count == 0 ? null : document.WithSyntaxRoot(root.ReplaceNodes(attributes, (_, rewritten) => WithBlocking(rewritten)));
    }

    private static AttributeSyntax? FindDelayedAttribute(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var list in method.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor
                    && constructor.ContainingType.ToDisplayString() == "TaskGraph.DelayedAttribute")
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

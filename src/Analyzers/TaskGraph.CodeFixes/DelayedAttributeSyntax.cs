namespace TaskGraph.CodeFixes;

/// <summary>The <c>[Delayed]</c> attribute of a method as syntax: finding it, and setting one of its options.</summary>
internal static class DelayedAttributeSyntax
{
    /// <summary>The <c>[Delayed]</c> attribute on <paramref name="method"/>, if it has one.</summary>
    public static AttributeSyntax? Find(MethodDeclarationSyntax method, FixableDocument document, CancellationToken cancellationToken)
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

    /// <summary><paramref name="attribute"/> with <c>option = value</c>: the option's value replaced, or the option appended.</summary>
    public static AttributeSyntax WithOption(AttributeSyntax attribute, string option, ExpressionSyntax value)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameEquals?.Name.Identifier.ValueText == option)
            {
                return attribute.WithArgumentList(attribute.ArgumentList!.WithArguments(arguments.Replace(arguments[i], arguments[i].WithExpression(value))));
            }
        }

        var argument = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals(
                SyntaxFactory.IdentifierName(option),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
            nameColon: null,
            value);
        var list = arguments.Count == 0
            ? SyntaxFactory.SingletonSeparatedList(argument)
            : SyntaxFactory.SeparatedList<AttributeArgumentSyntax>(arguments.GetWithSeparators()
                .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))
                .Add(argument));
        return attribute.WithArgumentList((attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList()).WithArguments(list));
    }
}

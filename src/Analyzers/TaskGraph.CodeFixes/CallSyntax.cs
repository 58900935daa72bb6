namespace TaskGraph.CodeFixes;

/// <summary>Small edits of call syntax that keep the code's layout: renaming the callee, writing its type arguments, appending an argument.</summary>
internal static class CallSyntax
{
    /// <summary><paramref name="arguments"/> with <paramref name="argument"/> appended after a ", ".</summary>
    public static ArgumentListSyntax Append(ArgumentListSyntax arguments, ArgumentSyntax argument)
    {
        var list = arguments.Arguments.Count == 0
            ? SyntaxFactory.SingletonSeparatedList(argument)
            : SyntaxFactory.SeparatedList<ArgumentSyntax>(arguments.Arguments.GetWithSeparators()
                .Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space))
                .Add(argument));
        return arguments.WithArguments(list);
    }

    /// <summary><paramref name="callee"/> (<c>M</c>, <c>M&lt;T&gt;</c>, <c>x.M</c>, <c>?.M</c>) naming <paramref name="name"/> instead.</summary>
    public static ExpressionSyntax Rename(ExpressionSyntax callee, string name) => callee switch
    {
        MemberAccessExpressionSyntax access => access.WithName(Rename(access.Name, name)),
        MemberBindingExpressionSyntax binding => binding.WithName(Rename(binding.Name, name)),
        SimpleNameSyntax simple => Rename(simple, name),
        _ => callee,
    };

    /// <summary><paramref name="callee"/> (<c>M</c>, <c>x.M</c>, <c>?.M</c>) with <paramref name="typeArguments"/> written after its name.</summary>
    public static ExpressionSyntax WithTypeArguments(ExpressionSyntax callee, TypeArgumentListSyntax typeArguments) => callee switch
    {
        MemberAccessExpressionSyntax access => access.WithName(Generic(access.Name, typeArguments)),
        MemberBindingExpressionSyntax binding => binding.WithName(Generic(binding.Name, typeArguments)),
        SimpleNameSyntax simple => Generic(simple, typeArguments),
        _ => callee,
    };

    private static GenericNameSyntax Generic(SimpleNameSyntax name, TypeArgumentListSyntax typeArguments)
        => SyntaxFactory.GenericName(name.Identifier, typeArguments).WithTriviaFrom(name);

    private static SimpleNameSyntax Rename(SimpleNameSyntax simple, string name)
    {
        // A method named like a keyword (@class) needs its '@' back.
        string text = SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword
            ? "@" + name
            : name;
        var identifier = SyntaxFactory.Identifier(simple.Identifier.LeadingTrivia, SyntaxKind.IdentifierToken, text, name, simple.Identifier.TrailingTrivia);
        return simple switch
        {
            GenericNameSyntax generic => generic.WithIdentifier(identifier),
            _ => SyntaxFactory.IdentifierName(identifier),
        };
    }
}

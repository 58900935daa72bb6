using System.Linq;

namespace TaskGraph.CodeFixes;

/// <summary>
/// TG1003: for the common shape <c>results.Add(h.Compute())</c> (or <c>results.Add(await h.ComputeAsync())</c>)
/// in a loop over a <c>List&lt;T&gt;</c> declared outside it, collects the handles in the loop and
/// computes them once after it: <c>results.AddRange(Delayed.All(handles).Compute())</c>, which keeps
/// the order of the results.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ComputeInLoopFixer)), Shared]
public sealed class ComputeInLoopFixer() : TaskGraphCodeFixProvider(DiagnosticIds.ComputeInLoop, "Collect the handles and compute once after the loop")
{
    private protected override bool TryPlan(FixableDocument document, Diagnostic diagnostic, SyntaxNode node, DocumentEdits edits, CancellationToken cancellationToken)
    {
        var model = document.Model;
        var symbols = document.Symbols;
        if (node is not InvocationExpressionSyntax compute || symbols.DelayedStatic is not { } delayed)
        {
            return false;
        }

        // h.Compute(...) or await h.ComputeAsync(...)[.ConfigureAwait(...)], as the argument of list.Add in a statement of the loop's block.
        if (compute.Expression is not MemberAccessExpressionSyntax { Expression: var handle } computeAccess
            || model.GetSymbolInfo(compute, cancellationToken).Symbol is not IMethodSymbol computeMethod
            || !symbols.IsCompute(computeMethod)
            || computeMethod.IsStatic
            || model.GetTypeInfo(handle, cancellationToken).Type is not { } handleType)
        {
            return false;
        }

        ExpressionSyntax value = compute;
        if (value.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configured })
        {
            value = configured;
        }

        bool awaited = value.Parent is AwaitExpressionSyntax;
        if (awaited)
        {
            value = (ExpressionSyntax)value.Parent!;
        }
        else if (computeMethod.Name != "Compute")
        {
            return false;
        }

        if (value.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax add } }
            || add.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: var list }
            || add.Parent is not ExpressionStatementSyntax statement
            || statement.Parent is not BlockSyntax { Parent: StatementSyntax loop }
            || loop is not (ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
            || loop.Parent is not BlockSyntax
            || edits.Edits(loop)
            || LeavesEarly(loop)
            || !IsListDeclaredOutside(list, loop, handleType, model, cancellationToken))
        {
            return false;
        }

        var listType = model.Compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        if (listType is null)
        {
            return false;
        }

        string name = UniqueName(loop, model, edits, "handles");
        string listTypeName = listType.Construct(handleType).ToMinimalDisplayString(model, loop.SpanStart);
        string delayedName = delayed.ToMinimalDisplayString(model, loop.SpanStart);
        var computeCall = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.ParseExpression($"{delayedName}.All({name})"),
                computeAccess.Name),
            compute.ArgumentList);
        ExpressionSyntax computed = computeCall;
        if (awaited)
        {
            if (value is AwaitExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configureAccess } configureCall })
            {
                computed = configureCall.WithExpression(configureAccess.WithExpression(computeCall));
            }

            computed = SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), computed);
        }

        // The new statements sit at the loop's indentation, one per line.
        var indentation = SyntaxFactory.TriviaList(loop.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
        var endOfLine = loop.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = SyntaxFactory.TriviaList(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.LineFeed);
        var declaration = SyntaxFactory.ParseStatement($"var {name} = new {listTypeName}();")
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(newLine);
        var addRange = SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, list.WithoutTrivia(), SyntaxFactory.IdentifierName("AddRange")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(computed)))))
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(newLine);

        var collect = add.WithExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(name), SyntaxFactory.IdentifierName("Add")))
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(handle.WithoutTrivia()))));
        edits.Replace(add, _ => collect);
        edits.Claim(loop);
        edits.InsertBefore(loop, declaration);
        edits.InsertAfter(loop, addRange);
        return true;
    }

    // A loop that can be left early (return, throw, goto, yield), or that sits in a try, would lose the results
    // computed before the exit or failure: the fixed code computes them all only after the loop.
    private static bool LeavesEarly(StatementSyntax loop)
    {
        foreach (var node in loop.DescendantNodes())
        {
            if (node is ReturnStatementSyntax or ThrowStatementSyntax or ThrowExpressionSyntax or GotoStatementSyntax or YieldStatementSyntax)
            {
                return true;
            }
        }

        foreach (var ancestor in loop.Ancestors())
        {
            if (ancestor is TryStatementSyntax)
            {
                return true;
            }

            if (ancestor is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)
            {
                return false;
            }
        }

        return false;
    }

    // The list must be a local that outlives the loop (a field or parameter would show its partial contents to
    // code elsewhere), a List<T> of exactly the handles' T (AddRange takes T[]; Add converted each value), and
    // not be read elsewhere in the loop (its contents now arrive after it).
    private static bool IsListDeclaredOutside(ExpressionSyntax list, StatementSyntax loop, ITypeSymbol handleType, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = model.GetSymbolInfo(list, cancellationToken).Symbol;
        var type = model.GetTypeInfo(list, cancellationToken).Type;
        if (symbol is not ILocalSymbol
            || type is not INamedTypeSymbol { Name: "List", Arity: 1 } named
            || named.ContainingNamespace?.ToDisplayString() != "System.Collections.Generic"
            || handleType is not INamedTypeSymbol { TypeArguments.Length: 1 } handle
            || !SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], handle.TypeArguments[0]))
        {
            return false;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (loop.Span.Contains(reference.Span))
            {
                return false;
            }
        }

        int uses = 0;
        foreach (var node in loop.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier
                && identifier.Identifier.ValueText == symbol.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
            {
                uses++;
            }
        }

        return uses == 1;
    }

    // A name that no symbol in scope has, that no local of the enclosing body declares (CS0136: a nested
    // declaration later in the body would clash), and that no other loop of this pass took in that body (CS0128).
    private static string UniqueName(StatementSyntax loop, SemanticModel model, DocumentEdits edits, string baseName)
    {
        var body = loop.FirstAncestorOrSelf<SyntaxNode>(n => n is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax)!;
        var declared = new HashSet<string>(body.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        string name = baseName;
        for (int i = 2; !model.LookupSymbols(loop.SpanStart, name: name).IsEmpty || declared.Contains(name) || edits.Introduced(body, name); i++)
        {
            name = baseName + i;
        }

        edits.Introduce(body, name);
        return name;
    }
}

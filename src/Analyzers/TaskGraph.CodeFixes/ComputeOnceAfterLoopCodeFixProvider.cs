using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>
/// TG1003: for the common shape <c>results.Add(h.Compute())</c> (or <c>results.Add(await h.ComputeAsync())</c>)
/// in a loop over a <c>List&lt;T&gt;</c> declared outside it, collects the handles in the loop and
/// computes them once after it: <c>results.AddRange(Delayed.All(handles).Compute())</c>, which keeps
/// the order of the results.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ComputeOnceAfterLoopCodeFixProvider)), Shared]
public sealed class ComputeOnceAfterLoopCodeFixProvider : DocumentCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.ComputeInLoop);

    /// <inheritdoc/>
    protected override string Title => "Collect the handles and compute once after the loop";

    /// <inheritdoc/>
    protected override async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || TaskGraphSymbols.TryCreate(model.Compilation) is not { DelayedStatic: { } delayed } symbols)
        {
            return null;
        }

        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        var loops = new HashSet<StatementSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax compute)
            {
                Plan(compute, model, symbols, delayed, editor, loops, cancellationToken);
            }
        }

        return loops.Count == 0 ? null : document.WithSyntaxRoot(editor.GetChangedRoot());
    }

    private static void Plan(
        InvocationExpressionSyntax compute,
        SemanticModel model,
        TaskGraphSymbols symbols,
        INamedTypeSymbol delayed,
        SyntaxEditor editor,
        HashSet<StatementSyntax> loops,
        CancellationToken cancellationToken)
    {
        // h.Compute(...) or await h.ComputeAsync(...)[.ConfigureAwait(...)], as the argument of list.Add in a statement of the loop's block.
        if (compute.Expression is not MemberAccessExpressionSyntax { Expression: var handle } computeAccess
            || model.GetSymbolInfo(compute, cancellationToken).Symbol is not IMethodSymbol computeMethod
            || !symbols.IsCompute(computeMethod)
            || computeMethod.IsStatic
            || model.GetTypeInfo(handle, cancellationToken).Type is not { } handleType)
        {
            return;
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
            return;
        }

        if (value.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax add } }
            || add.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: var list }
            || add.Parent is not ExpressionStatementSyntax statement
            || statement.Parent is not BlockSyntax { Parent: StatementSyntax loop }
            || loop is not (ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
            || loop.Parent is not BlockSyntax
            || loops.Contains(loop)
            || !IsListDeclaredOutside(list, loop, model, cancellationToken))
        {
            return;
        }

        string name = UniqueName(model, loop.SpanStart, "handles");
        var listType = model.Compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        if (listType is null)
        {
            return;
        }

        loops.Add(loop);
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

        editor.InsertBefore(loop, declaration);
        editor.ReplaceNode(add, add.WithExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(name), SyntaxFactory.IdentifierName("Add")))
            .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(handle.WithoutTrivia())))));
        editor.InsertAfter(loop, addRange);
    }

    // The list must outlive the loop, be a List<T> (for AddRange), and not be read elsewhere in the loop (its contents now arrive after it).
    private static bool IsListDeclaredOutside(ExpressionSyntax list, StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = model.GetSymbolInfo(list, cancellationToken).Symbol;
        var type = model.GetTypeInfo(list, cancellationToken).Type;
        if (symbol is not (ILocalSymbol or IParameterSymbol or IFieldSymbol)
            || type is not INamedTypeSymbol { Name: "List", Arity: 1 } named
            || named.ContainingNamespace?.ToDisplayString() != "System.Collections.Generic")
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

    private static string UniqueName(SemanticModel model, int position, string baseName)
    {
        string name = baseName;
        for (int i = 2; !model.LookupSymbols(position, name: name).IsEmpty; i++)
        {
            name = baseName + i;
        }

        return name;
    }
}

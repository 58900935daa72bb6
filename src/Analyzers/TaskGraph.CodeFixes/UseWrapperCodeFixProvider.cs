using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>TG1004: <c>Delayed.Value(M(x))</c> (or <c>M(x)</c> where a handle is expected) becomes <c>MDelayed(x)</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseWrapperCodeFixProvider)), Shared]
public sealed class UseWrapperCodeFixProvider : DocumentCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.DelayedValueOfCall);

    /// <inheritdoc/>
    protected override string Title => "Call the wrapper instead";

    /// <inheritdoc/>
    protected override async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || TaskGraphSymbols.TryCreate(model.Compilation) is not { } symbols)
        {
            return null;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax outer
                && Rewrite(outer, model, symbols, cancellationToken) is { } rewritten)
            {
                replacements[outer] = rewritten.WithTriviaFrom(outer);
            }
        }

        return replacements.Count == 0 ? null : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private static ExpressionSyntax? Rewrite(InvocationExpressionSyntax outer, SemanticModel model, TaskGraphSymbols symbols, CancellationToken cancellationToken)
    {
        if (model.GetOperation(outer, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        // Delayed.Value(M(x)): the inner call; otherwise the diagnostic is on M(x) itself.
        var call = operation;
        if (symbols.IsValue(operation.TargetMethod) && operation.Arguments.Length == 1 && Unwrap(operation.Arguments[0].Value) is IInvocationOperation inner)
        {
            call = inner;
        }

        if (call.Syntax is not InvocationExpressionSyntax callSyntax
            || !symbols.IsDelayedMethod(call.TargetMethod)
            || symbols.FindWrapperOf(call.TargetMethod) is not { } wrapper)
        {
            return null;
        }

        // The wrapper has no CancellationToken parameter (the compute passes its own token): a token
        // passed last is dropped; one passed elsewhere leaves the fix to the user.
        var arguments = callSyntax.ArgumentList.Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (IsCancellationToken(model.GetTypeInfo(arguments[i].Expression, cancellationToken).ConvertedType))
            {
                if (i != arguments.Count - 1)
                {
                    return null;
                }

                arguments = arguments.RemoveAt(i);
            }
        }

        return callSyntax
            .WithExpression(CallSyntax.Rename(callSyntax.Expression, wrapper.Name))
            .WithArgumentList(callSyntax.ArgumentList.WithArguments(arguments));
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsCancellationToken(ITypeSymbol? type) => type?.ToDisplayString() == "System.Threading.CancellationToken";
}

using System;
using Microsoft.CodeAnalysis.Operations;

namespace TaskGraph.CodeFixes;

/// <summary>
/// Plans the rewrite of a compute and the graph behind it into plain calls: each wrapper call
/// <c>MDelayed(a)</c> becomes <c>M(a)</c> (<c>await M(a)</c> for an async method, passing the compute's
/// token to a <c>CancellationToken</c> parameter), <c>Delayed.Value(x)</c> arguments become <c>x</c>,
/// locals typed <c>Delayed&lt;T&gt;</c> become <c>var</c>, and the compute becomes the value itself.
/// The plan is refused (nothing is added) where the result would not mean the same or not compile:
/// a handle from elsewhere, a local used outside the graph, a method without a result, an async
/// method outside an async context, a compute whose shape is not a plain call or await, compute
/// options (retries, timeouts, observers), a method with retry or timeout options, a compute inside
/// a <c>try</c> with a <c>catch</c> (a failure would no longer arrive as a <c>DelayedTaskException</c>),
/// or other statements between the graph's locals and the compute (a direct call runs where the
/// wrapper was called, not at the compute, so those statements would see or change different values).
/// A <c>ConfigureAwait</c> on the compute is carried to every awaited direct call.
/// </summary>
internal sealed class DirectCallRewrite
{
    private readonly SemanticModel model;
    private readonly TaskGraphSymbols symbols;
    private readonly CancellationToken cancellationToken;
    // The options of [Delayed] that a direct call cannot honour.
    private static readonly string[] RunOptions = { "Retries", "RetryDelayMilliseconds", "TimeoutMilliseconds" };

    // In recording order: a node's rewrite comes after its descendants' (see DocumentEdits).
    private readonly Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>> plan = new();
    private readonly HashSet<InvocationExpressionSyntax> wrapperCalls = new();
    private readonly List<ILocalSymbol> locals = new();
    private ExpressionSyntax? token;
    private ArgumentListSyntax? configureAwait;

    private DirectCallRewrite(SemanticModel model, TaskGraphSymbols symbols, CancellationToken cancellationToken)
    {
        this.model = model;
        this.symbols = symbols;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Records in <paramref name="edits"/> the rewrite of <paramref name="compute"/> and its graph;
    /// returns false and records nothing when it cannot keep the program's meaning.
    /// </summary>
    public static bool TryPlan(FixableDocument document, InvocationExpressionSyntax compute, DocumentEdits edits, CancellationToken cancellationToken)
    {
        var rewrite = new DirectCallRewrite(document.Model, document.Symbols, cancellationToken);
        if (edits.Edits(compute)
            || !rewrite.PlanCompute(compute)
            || !rewrite.LocalsStayInGraph(compute)
            || !rewrite.RunsWhereItWasComputed(compute)
            || InsideTryWithCatch(compute))
        {
            return false;
        }

        foreach (var entry in rewrite.plan)
        {
            edits.Replace(entry.Key, entry.Value);
        }

        return true;
    }

    private bool PlanCompute(InvocationExpressionSyntax compute)
    {
        if (model.GetOperation(compute, cancellationToken) is not IInvocationOperation operation || !symbols.IsCompute(operation.TargetMethod))
        {
            return false;
        }

        ExpressionSyntax? handle = null;
        int argumentIndex = -1;
        foreach (var argument in operation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Syntax is not ArgumentSyntax syntax)
            {
                continue;
            }

            if (IsCancellationToken(argument.Parameter?.Type))
            {
                token = syntax.Expression;
            }
            else if (symbols.IsHandle(argument.Parameter?.Type))
            {
                if (handle is not null)
                {
                    return false;
                }

                handle = syntax.Expression;
                argumentIndex = compute.ArgumentList.Arguments.IndexOf(syntax);
            }
            else
            {
                // A handle sequence, or options (retries, timeouts, observers, progress) that plain calls would lose.
                return false;
            }
        }

        if (operation.Instance is not null)
        {
            if (compute.Expression is not MemberAccessExpressionSyntax access || handle is not null)
            {
                return false;
            }

            handle = access.Expression;
        }

        SyntaxNode replaced = compute;
        if (operation.TargetMethod.Name == "ComputeAsync")
        {
            // Only `await h.ComputeAsync(...)` (optionally .ConfigureAwait(...)) has a plain-value equivalent.
            SyntaxNode awaited = compute;
            if (compute.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configured })
            {
                awaited = configured;
                configureAwait = configured.ArgumentList;
            }

            if (awaited.Parent is not AwaitExpressionSyntax awaitExpression)
            {
                return false;
            }

            replaced = awaitExpression;
        }

        if (handle is null || !PlanHandle(handle))
        {
            return false;
        }

        plan[replaced] = rewritten => ComputedHandle(rewritten, argumentIndex).WithTriviaFrom(rewritten);
        return true;
    }

    // The handle inside the rewritten compute (whose wrapper calls are already direct calls).
    private static ExpressionSyntax ComputedHandle(SyntaxNode rewritten, int argumentIndex)
    {
        if (rewritten is AwaitExpressionSyntax awaitExpression)
        {
            rewritten = awaitExpression.Expression;
            if (rewritten is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure })
            {
                rewritten = configure.Expression;
            }
        }

        var invocation = (InvocationExpressionSyntax)rewritten;
        return argumentIndex >= 0
            ? invocation.ArgumentList.Arguments[argumentIndex].Expression
            : ((MemberAccessExpressionSyntax)invocation.Expression).Expression;
    }

    // A handle-valued expression the rewrite can turn into a plain value.
    private bool PlanHandle(ExpressionSyntax handle)
    {
        while (handle is ParenthesizedExpressionSyntax parenthesized)
        {
            handle = parenthesized.Expression;
        }

        switch (handle)
        {
            case InvocationExpressionSyntax call:
                return PlanCall(call);
            case IdentifierNameSyntax identifier when model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local && symbols.IsHandle(local.Type):
                return PlanLocal(local);
            default:
                // A plain value converted to a handle stays as it is.
                var type = model.GetTypeInfo(handle, cancellationToken).Type;
                return type is not null && !symbols.IsHandle(type) && !symbols.IsHandleSequence(type);
        }
    }

    private bool PlanCall(InvocationExpressionSyntax call)
    {
        if (wrapperCalls.Contains(call) || plan.ContainsKey(call))
        {
            return true;
        }

        if (model.GetOperation(call, cancellationToken) is not IInvocationOperation operation)
        {
            return false;
        }

        if (symbols.IsValue(operation.TargetMethod) && call.ArgumentList.Arguments.Count == 1)
        {
            plan[call] = rewritten => ((InvocationExpressionSyntax)rewritten).ArgumentList.Arguments[0].Expression.WithTriviaFrom(rewritten);
            return true;
        }

        if (symbols.GetWrappedMethod(operation.TargetMethod) is not { } method || !CanCallDirectly(method, call))
        {
            return false;
        }

        wrapperCalls.Add(call);
        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (!PlanHandle(argument.Expression))
            {
                return false;
            }
        }

        var tokenParameter = TokenParameter(method);
        bool awaited = IsAwaitable(method.ReturnType);
        var tokenArgument = tokenParameter is null
            ? null
            : SyntaxFactory.Argument(
                SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(tokenParameter.Name), SyntaxFactory.Token(SyntaxKind.ColonToken).WithTrailingTrivia(SyntaxFactory.Space)),
                default,
                token?.WithoutTrivia() ?? SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword)));
        plan[call] = rewritten =>
        {
            var invocation = (InvocationExpressionSyntax)rewritten;
            ExpressionSyntax direct = invocation.WithExpression(CallSyntax.Rename(invocation.Expression, method.Name));
            if (tokenArgument is not null)
            {
                direct = ((InvocationExpressionSyntax)direct).WithArgumentList(CallSyntax.Append(((InvocationExpressionSyntax)direct).ArgumentList, tokenArgument));
            }

            if (awaited && configureAwait is not null)
            {
                direct = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, direct.WithoutTrivia(), SyntaxFactory.IdentifierName("ConfigureAwait")),
                    configureAwait.WithoutTrivia());
            }

            ExpressionSyntax result = awaited
                ? SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), direct.WithoutLeadingTrivia())
                : direct;
            return result.WithTriviaFrom(invocation);
        };
        return true;
    }

    private bool CanCallDirectly(IMethodSymbol method, InvocationExpressionSyntax call)
    {
        if (method.ReturnsVoid || (IsAwaitable(method.ReturnType) && method.ReturnType is INamedTypeSymbol { IsGenericType: false }) || HasRunOptions(method))
        {
            return false;
        }

        var tokenParameter = TokenParameter(method);
        if (tokenParameter is not null && tokenParameter.Ordinal != method.Parameters.Length - 1)
        {
            return false;
        }

        return !IsAwaitable(method.ReturnType) || IsInAsyncContext(call);
    }

    // A local initialized by a wrapper call becomes a local of the plain value; its declared type goes to var.
    private bool PlanLocal(ILocalSymbol local)
    {
        if (locals.Contains(local))
        {
            return true;
        }

        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var initializer } declarator
            || declarator.Parent is not VariableDeclarationSyntax declaration
            || declaration.Variables.Count != 1)
        {
            return false;
        }

        locals.Add(local);
        if (!declaration.Type.IsVar)
        {
            plan[declaration.Type] = rewritten => SyntaxFactory.IdentifierName("var").WithTriviaFrom(rewritten);
        }

        return PlanHandle(initializer);
    }

    // Every use of a rewritten local must sit inside a rewritten call or the compute, or the code
    // elsewhere would receive a plain value where it expects a handle.
    private bool LocalsStayInGraph(InvocationExpressionSyntax compute)
    {
        if (locals.Count == 0)
        {
            return true;
        }

        var scope = compute.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax
            or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax)!;
        foreach (var identifier in scope.DescendantNodes())
        {
            if (identifier is IdentifierNameSyntax name
                && IsRewrittenLocal(name)
                && !InsideGraph(name, compute))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsRewrittenLocal(IdentifierNameSyntax name)
    {
        foreach (var local in locals)
        {
            if (local.Name == name.Identifier.ValueText)
            {
                return SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local);
            }
        }

        return false;
    }

    private bool InsideGraph(SyntaxNode node, InvocationExpressionSyntax compute)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor == compute || (ancestor is InvocationExpressionSyntax call && wrapperCalls.Contains(call) && node.Parent is ArgumentSyntax { Parent.Parent: var owner } && owner == call))
            {
                return true;
            }
        }

        return false;
    }

    // Retries and timeouts are the runtime's: a direct call fails where the graph would have tried again.
    private bool HasRunOptions(IMethodSymbol method)
    {
        foreach (var option in symbols.GetDelayedAttribute(method)?.NamedArguments ?? default)
        {
            if (Array.IndexOf(RunOptions, option.Key) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // A direct call runs where its wrapper was called, the graph at the compute: the graph's locals must be
    // declared in the statements right before the compute's, in its block, with nothing else in between.
    private bool RunsWhereItWasComputed(InvocationExpressionSyntax compute)
    {
        if (locals.Count == 0)
        {
            return true;
        }

        if (compute.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax block } statement)
        {
            return false;
        }

        var declarations = new HashSet<StatementSyntax>();
        foreach (var local in locals)
        {
            if (local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is not { } declaration
                || declaration.Parent != block)
            {
                return false;
            }

            declarations.Add(declaration);
        }

        int end = block.Statements.IndexOf(statement);
        for (int i = end - declarations.Count; i < end; i++)
        {
            if (i < 0 || !declarations.Contains(block.Statements[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Inside a try with catch clauses, a failure is caught as a DelayedTaskException from the graph but as the
    // method's own exception from a direct call: another catch would run.
    private static bool InsideTryWithCatch(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is TryStatementSyntax { Catches.Count: > 0 } tryStatement && tryStatement.Block.Span.Contains(node.Span))
            {
                return true;
            }

            if (ancestor is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsInAsyncContext(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax function:
                    return function.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    return false;
                case GlobalStatementSyntax:
                    return true;
            }
        }

        return false;
    }

    private static IParameterSymbol? TokenParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsCancellationToken(parameter.Type))
            {
                return parameter;
            }
        }

        return null;
    }

    private static bool IsAwaitable(ITypeSymbol type)
        => type.Name is "Task" or "ValueTask" && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    private static bool IsCancellationToken(ITypeSymbol? type) => type?.ToDisplayString() == "System.Threading.CancellationToken";
}

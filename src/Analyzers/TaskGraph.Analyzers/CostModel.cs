using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TaskGraph.Analyzers;

/// <summary>
/// Decides whether a <c>[Delayed]</c> method is trivially cheap: far cheaper than scheduling it as a
/// task. Read from the method's syntax (its body may lie in another tree than the call being
/// analysed): synchronous, not <c>Blocking</c>, at most <see cref="MaxStatements"/> statements, no
/// loops, <c>await</c>, lambdas, <c>new</c>, <c>try</c>/<c>lock</c>/<c>using</c>, and no calls except
/// <c>Math</c>/<c>string</c> helpers and a few string and formatting members. One instance per
/// compilation; results are cached per method.
/// </summary>
internal sealed class CostModel
{
    /// <summary>The most statements a trivially cheap method's body may hold.</summary>
    public const int MaxStatements = 3;

    private static readonly string[] CheapStaticTypes = { "Math", "MathF", "string", "String", "Convert" };

    private static readonly string[] CheapMembers =
    {
        "ToString", "ToUpper", "ToLower", "ToUpperInvariant", "ToLowerInvariant", "Trim", "TrimStart", "TrimEnd",
        "Substring", "Contains", "StartsWith", "EndsWith", "Replace", "IndexOf", "Equals", "CompareTo", "GetHashCode",
        "PadLeft", "PadRight",
    };

    private readonly TaskGraphSymbols symbols;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> cache = new(SymbolEqualityComparer.Default);

    public CostModel(TaskGraphSymbols symbols) => this.symbols = symbols;

    /// <summary>Whether every run of <paramref name="method"/> is trivially cheap.</summary>
    public bool IsTriviallyCheap(IMethodSymbol method, CancellationToken cancellationToken)
        => cache.GetOrAdd(method.OriginalDefinition, m => Judge(m, cancellationToken));

    private bool Judge(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.IsAsync || method.ReturnsVoid || IsAwaitable(method.ReturnType) || symbols.IsMarkedBlocking(method)
            || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
        {
            return false;
        }

        SyntaxNode? body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
        if (body is null || (declaration.Body is { } block && block.Statements.Count > MaxStatements))
        {
            return false;
        }

        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or GotoStatementSyntax or AwaitExpressionSyntax or LambdaExpressionSyntax or AnonymousMethodExpressionSyntax
                    or LocalFunctionStatementSyntax or BaseObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax
                    or ImplicitArrayCreationExpressionSyntax or TryStatementSyntax or LockStatementSyntax or UsingStatementSyntax
                    or QueryExpressionSyntax or StackAllocArrayCreationExpressionSyntax:
                    return false;
                case BlockSyntax nested when nested != body && nested.Statements.Count > MaxStatements:
                    return false;
                case InvocationExpressionSyntax invocation when !IsCheapCall(invocation):
                    return false;
            }
        }

        return true;
    }

    private static bool IsAwaitable(ITypeSymbol type)
        => type.Name is "Task" or "ValueTask" && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    private static bool IsCheapCall(InvocationExpressionSyntax invocation)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax access)
        {
            return false;
        }

        string receiver = access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
            _ => string.Empty,
        };
        foreach (var type in CheapStaticTypes)
        {
            if (receiver == type)
            {
                return true;
            }
        }

        string member = access.Name.Identifier.ValueText;
        foreach (var cheap in CheapMembers)
        {
            if (member == cheap)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TaskGraph.Shared;

/// <summary>
/// Whether the generator can add a part to a type: compiled into the generator (which skips what it cannot
/// extend) and into the analyzers (whose TG0001 says so), so that both agree.
/// </summary>
internal static class PartialDeclarations
{
    /// <summary>
    /// Every declaration of <paramref name="type"/> is <c>partial</c>. The <c>Program</c> class that top-level
    /// statements declare counts as partial there: its declaration is the compilation unit, and C# merges it
    /// with <c>partial class Program</c> parts.
    /// </summary>
    public static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            bool partial = reference.GetSyntax(cancellationToken) switch
            {
                CompilationUnitSyntax => true,
                TypeDeclarationSyntax declaration => declaration.Modifiers.Any(SyntaxKind.PartialKeyword),
                _ => false,
            };
            if (!partial)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The innermost of the types around <paramref name="method"/> that is not partial; <see langword="null"/> when
    /// all are, or when a file-local type (which generated code cannot extend either way) is reached first.
    /// </summary>
    public static INamedTypeSymbol? FirstNonPartialContainer(IMethodSymbol method, CancellationToken cancellationToken)
    {
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsFileLocal)
            {
                return null;
            }

            if (!IsPartial(type, cancellationToken))
            {
                return type;
            }
        }

        return null;
    }
}

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using TaskGraph.Shared;

namespace TaskGraph.Generator;

/// <summary><see cref="StorableTypes"/> over Roslyn's type symbols: what TG0012 checks at compile time.</summary>
internal sealed class RoslynTypeFacts : StorableTypes.ITypeFacts<ITypeSymbol>
{
    public static RoslynTypeFacts Instance { get; } = new();

    public bool IsPointer(ITypeSymbol type) => type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer;

    public bool IsRefStruct(ITypeSymbol type) => type.IsRefLikeType;

    public IEnumerable<string> SelfBasesAndInterfaces(ITypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            yield return NameOf(current);
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            yield return NameOf(implemented);
        }
    }

    public IEnumerable<ITypeSymbol> Parts(ITypeSymbol type)
        => type switch
        {
            IArrayTypeSymbol array => new[] { array.ElementType },
            INamedTypeSymbol { IsGenericType: true } named => named.TypeArguments,
            _ => Enumerable.Empty<ITypeSymbol>(),
        };

    public string Display(ITypeSymbol type) => type.ToDisplayString();

    private static string NameOf(ITypeSymbol type)
        => type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.Name : type.Name;
}

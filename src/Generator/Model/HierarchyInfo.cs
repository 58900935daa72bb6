using System.Text;

namespace TaskGraph.Generator.Model;

/// <summary>
/// The chain of types that contain the <c>[Delayed]</c> methods, outermost first, and their namespace:
/// what the emitter re-opens as <c>partial</c> declarations so that nested and generic containers come out right.
/// </summary>
/// <param name="HintName">A file name unique to the innermost type (from its metadata name).</param>
/// <param name="Namespace">The namespace, keywords escaped; empty for the global namespace.</param>
/// <param name="Types">The containing types, outermost first.</param>
/// <param name="CanHostModuleInitializer">No containing type is generic, and each is visible to the whole assembly: a module initializer (the methods' registration) may live in it.</param>
internal sealed record HierarchyInfo(string HintName, string Namespace, EquatableArray<TypeDeclarationInfo> Types, bool CanHostModuleInitializer)
{
    /// <summary>The hierarchy of <paramref name="containingType"/>: the types around it, its namespace and a file name.</summary>
    public static HierarchyInfo From(INamedTypeSymbol containingType)
    {
        var types = new List<TypeDeclarationInfo>();
        var metadataName = new StringBuilder();
        bool canHostModuleInitializer = true;
        for (var type = containingType; type is not null; type = type.ContainingType)
        {
            canHostModuleInitializer &= type is { IsGenericType: false, TypeKind: not TypeKind.Interface, DeclaredAccessibility: Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal };
            types.Insert(0, TypeDeclarationInfo.From(type));
            metadataName.Insert(0, (type.ContainingType is null ? string.Empty : "+") + type.MetadataName);
        }

        var outermost = containingType;
        while (outermost.ContainingType is not null)
        {
            outermost = outermost.ContainingType;
        }

        var ns = outermost.ContainingNamespace;
        string namespaceName = ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString(SymbolFormats.Namespace);
        string hintPrefix = string.Empty;
        for (var part = ns; part is { IsGlobalNamespace: false }; part = part.ContainingNamespace)
        {
            hintPrefix = part.MetadataName + "." + hintPrefix;
        }

        return new HierarchyInfo(hintPrefix + metadataName, namespaceName, types.ToEquatableArray(), canHostModuleInitializer);
    }
}

/// <summary>One containing type as its partial declaration is written.</summary>
/// <param name="Modifiers">Modifiers that every part must repeat or that are safe to repeat (<c>static</c>, <c>readonly</c>, <c>ref</c>), each followed by a space.</param>
/// <param name="Kind">The kind keywords: <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>.</param>
/// <param name="Name">The type's name, keywords escaped.</param>
/// <param name="TypeParameters">The type parameters, in order.</param>
internal sealed record TypeDeclarationInfo(string Modifiers, string Kind, string Name, EquatableArray<TypeParameterInfo> TypeParameters)
{
    /// <summary>How <paramref name="type"/>'s partial declaration is written.</summary>
    public static TypeDeclarationInfo From(INamedTypeSymbol type)
    {
        var modifiers = new StringBuilder();
        if (type.IsStatic)
        {
            modifiers.Append("static ");
        }

        if (type.IsValueType && type.IsReadOnly)
        {
            modifiers.Append("readonly ");
        }

        if (type.IsRefLikeType)
        {
            modifiers.Append("ref ");
        }

        string kind = type.TypeKind switch
        {
            TypeKind.Struct when type.IsRecord => "record struct",
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            _ when type.IsRecord => "record",
            _ => "class",
        };
        var typeParameters = type.TypeParameters.Select(t => new TypeParameterInfo(VarianceText(t.Variance), SymbolFormats.EscapeIdentifier(t.Name)));
        return new TypeDeclarationInfo(modifiers.ToString(), kind, SymbolFormats.EscapeIdentifier(type.Name), typeParameters.ToEquatableArray());
    }

    private static string VarianceText(VarianceKind variance) => variance switch
    {
        VarianceKind.In => "in ",
        VarianceKind.Out => "out ",
        _ => string.Empty,
    };
}

/// <summary>A type parameter of a containing type.</summary>
/// <param name="Variance">The variance keyword followed by a space (<c>out </c>), or empty.</param>
/// <param name="Name">The name, keywords escaped.</param>
internal sealed record TypeParameterInfo(string Variance, string Name);

namespace TaskGraph.Generator.Extensions;

/// <summary>Questions the parser asks of symbols, and symbols written as code.</summary>
internal static class SymbolExtensions
{
    /// <summary>The same method, or the other part of the same partial method.</summary>
    public static bool IsSameMethodAs(this IMethodSymbol a, IMethodSymbol b)
        => SymbolEqualityComparer.Default.Equals(a, b)
           || SymbolEqualityComparer.Default.Equals(a.PartialImplementationPart, b)
           || SymbolEqualityComparer.Default.Equals(a.PartialDefinitionPart, b);

    /// <summary>Declared earlier: by file path, then by position.</summary>
    public static bool IsDeclaredBefore(this ISymbol first, ISymbol second)
    {
        var a = first.Locations.FirstOrDefault();
        var b = second.Locations.FirstOrDefault();
        if (a?.SourceTree is null || b?.SourceTree is null)
        {
            return false;
        }

        int byFile = string.CompareOrdinal(a.SourceTree.FilePath, b.SourceTree.FilePath);
        return byFile < 0 || (byFile == 0 && a.SourceSpan.Start < b.SourceSpan.Start);
    }

    /// <summary><c>System.Threading.CancellationToken</c>.</summary>
    public static bool IsCancellationToken(this ITypeSymbol type) => type.IsNamed("System.Threading", "CancellationToken");

    /// <summary>A top-level type of that namespace and name.</summary>
    public static bool IsNamed(this ITypeSymbol type, string containingNamespace, string name)
        => type.Name == name
           && type.ContainingType is null
           && type.ContainingNamespace?.ToDisplayString() == containingNamespace;

    /// <summary>The accessibility as C# keywords.</summary>
    public static string ToKeywords(this Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    /// <summary>An attribute as code: <c>global::Ns.NameAttribute(arguments, Named = value)</c>.</summary>
    public static string ToCode(this AttributeData attribute)
        => attribute.AttributeClass!.ToDisplayString(SymbolFormats.Type) + "(" + string.Join(", ",
            attribute.ConstructorArguments.Select(argument => argument.ToCSharpString())
                .Concat(attribute.NamedArguments.Select(argument => argument.Key + " = " + argument.Value.ToCSharpString()))) + ")";
}

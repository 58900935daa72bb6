namespace TaskGraph.Generator.Extensions;

/// <summary>How symbols are written into generated code, descriptors and crefs.</summary>
internal static class SymbolFormats
{
    /// <summary>Types as emitted: fully qualified, keywords escaped, nullable annotations kept.</summary>
    public static readonly SymbolDisplayFormat Type = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Types as a cref names them (generic braces are put in afterwards).</summary>
    public static readonly SymbolDisplayFormat Cref = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple | SymbolDisplayMiscellaneousOptions.ExpandNullable);

    /// <summary>Names as people read them, for descriptors: <c>Ns.Outer&lt;T&gt;.Inner</c>, keywords unescaped.</summary>
    public static readonly SymbolDisplayFormat Display = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    public static readonly SymbolDisplayFormat Namespace = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>An identifier as code: a keyword gets an <c>@</c>.</summary>
    public static string EscapeIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}

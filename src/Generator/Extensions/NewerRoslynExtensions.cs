using System.Reflection;

namespace TaskGraph.Generator.Extensions;

/// <summary>
/// Flags that Roslyn versions newer than the one this assembly compiles against (4.8) added to symbol
/// interfaces, read from the running compiler when it has them, so that the generator still loads in older hosts.
/// </summary>
internal static class NewerRoslynExtensions
{
    private static readonly PropertyInfo? AllowsRefLikeTypeProperty = typeof(ITypeParameterSymbol).GetProperty("AllowsRefLikeType");

    /// <summary><c>where T : allows ref struct</c> (C# 13).</summary>
    public static bool AllowsRefLikeType(this ITypeParameterSymbol parameter)
        => AllowsRefLikeTypeProperty?.GetValue(parameter) is true;

    /// <summary>
    /// The type of a C# 14 <c>extension(...) { }</c> block, whose members are not members of an ordinary type. Its
    /// <see cref="TypeKind"/> member is newer than this assembly's enum, so it is recognised by the running one's name.
    /// </summary>
    public static bool IsExtensionBlock(this INamedTypeSymbol type)
        => type.TypeKind.ToString() == "Extension";
}

namespace TaskGraph.Generator.Model;

/// <summary>The collection shape of a parameter that also accepts a sequence of handles.</summary>
internal enum CollectionKind
{
    None,
    Array,
    List,
    ReadOnlyList,
    ReadOnlyCollection,
    Enumerable,
}

/// <summary>A parameter of a <c>[Delayed]</c> method.</summary>
/// <param name="Name">The name as written in code, keywords escaped (<c>@class</c>).</param>
/// <param name="MetadataName">The plain name, for the descriptor.</param>
/// <param name="Type">The fully qualified type with nullable annotations.</param>
/// <param name="SignatureType">The type as it counts for overload resolution: no nullable reference annotations, method type parameters by position.</param>
/// <param name="IsCancellationToken">The compute's token is passed here; the wrapper leaves the parameter out.</param>
/// <param name="IsNullableAnnotated">The type is a reference type annotated <c>?</c>.</param>
/// <param name="IsInterface">The type is an interface, which C# forbids as the source of the handle's implicit conversion.</param>
/// <param name="IsParams">A <c>params</c> array.</param>
/// <param name="IsThis">The <c>this</c> parameter of an extension method.</param>
/// <param name="Collection">The collection shape, if any.</param>
/// <param name="ElementType">The element type of a collection, with nullable annotations; empty otherwise.</param>
/// <param name="ElementSignatureType">The element type as it counts for overload resolution.</param>
/// <param name="DefaultValue">The default value as a C# expression of the parameter's type; <see langword="null"/> when required.</param>
/// <param name="NullDiffersFromDefault">Optional, null is a value of its type, and the default is not null: a null argument must reach the method as null.</param>
/// <param name="MentionsMethodTypeParameter">The type is or contains a type parameter of the method, which a call infers from its argument.</param>
/// <param name="CallerInfo">The parameter's caller-info attribute as code (<c>[CallerMemberName]</c>...), which the wrapper takes over so that callers' values reach the method; <see langword="null"/> when it has none.</param>
internal sealed record ParameterSpec(
    string Name,
    string MetadataName,
    string Type,
    string SignatureType,
    bool IsCancellationToken,
    bool IsNullableAnnotated,
    bool IsInterface,
    bool IsParams,
    bool IsThis,
    CollectionKind Collection,
    string ElementType,
    string ElementSignatureType,
    string? DefaultValue,
    bool NullDiffersFromDefault,
    bool MentionsMethodTypeParameter,
    string? CallerInfo);

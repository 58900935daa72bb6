namespace TaskGraph.Generator.Model;

/// <summary>
/// The chain of types that contain the <c>[Delayed]</c> methods, outermost first, and their namespace:
/// what the emitter re-opens as <c>partial</c> declarations so that nested and generic containers come out right.
/// </summary>
/// <param name="HintName">A file name unique to the innermost type (from its metadata name).</param>
/// <param name="Namespace">The namespace, keywords escaped; empty for the global namespace.</param>
/// <param name="Types">The containing types, outermost first.</param>
/// <param name="CanHostModuleInitializer">No containing type is generic, and each is visible to the whole assembly: a module initializer (the methods' registration) may live in it.</param>
internal sealed record HierarchyInfo(string HintName, string Namespace, EquatableArray<TypeDeclarationInfo> Types, bool CanHostModuleInitializer);

/// <summary>One containing type as its partial declaration is written.</summary>
/// <param name="Modifiers">Modifiers that every part must repeat or that are safe to repeat (<c>static</c>, <c>readonly</c>, <c>ref</c>), each followed by a space.</param>
/// <param name="Kind">The kind keywords: <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>.</param>
/// <param name="Name">The type's name, keywords escaped.</param>
/// <param name="TypeParameters">The type parameters, in order.</param>
internal sealed record TypeDeclarationInfo(string Modifiers, string Kind, string Name, EquatableArray<TypeParameterInfo> TypeParameters);

/// <summary>A type parameter of a containing type.</summary>
/// <param name="Variance">The variance keyword followed by a space (<c>out </c>), or empty.</param>
/// <param name="Name">The name, keywords escaped.</param>
internal sealed record TypeParameterInfo(string Variance, string Name);

namespace TaskGraph.Generator.Model;

/// <summary>How a method returns its result; mirrors <c>TaskGraph.DelayedResultKind</c> by name.</summary>
internal enum ResultKind
{
    Value,
    Void,
    TaskOfResult,
    Task,
    ValueTaskOfResult,
    ValueTask,
}

/// <summary>A <c>[Delayed]</c> method that can be wrapped, with everything the emitter writes about it.</summary>
/// <param name="Hierarchy">The containing types and namespace.</param>
/// <param name="Name">The method's name as written in code, keywords escaped.</param>
/// <param name="MetadataName">The plain name, for the descriptor.</param>
/// <param name="WrapperName">The wrapper's name: <c>Load</c> and <c>LoadAsync</c> give <c>LoadDelayed</c>, unless <c>[Delayed(Name = ...)]</c> names it.</param>
/// <param name="Id">The documentation comment id, e.g. <c>M:Ns.Etl.Process(Ns.Data,Ns.Data)</c>.</param>
/// <param name="ContainingTypeDisplay">The containing type as the descriptor shows it, e.g. <c>Ns.Etl</c>.</param>
/// <param name="ContainingType">The containing type as code names it (<c>global::Ns.Outer&lt;T&gt;.Inner</c>), for static calls.</param>
/// <param name="Accessibility">The accessibility keywords, mirrored on the wrapper (in a sealed type, without the protected part).</param>
/// <param name="IsStatic">A static method (so a static wrapper).</param>
/// <param name="IsInValueType">An instance method of a struct: the wrapper captures a copy of the value.</param>
/// <param name="ResultKind">How the method returns its result.</param>
/// <param name="ResultType">The type of the task's value (<c>R</c> of <c>Delayed&lt;R&gt;</c>).</param>
/// <param name="IsNullableOblivious">Declared where nullable annotations are disabled: the wrapper is written so too.</param>
/// <param name="ReturnsNullableTask">The method returns <c>Task?</c>-like: the invoker forgives the null.</param>
/// <param name="TypeParameters">The method's type parameters.</param>
/// <param name="Parameters">The method's parameters, in order.</param>
/// <param name="Cref">The cref that names the method in the wrapper's XML doc.</param>
/// <param name="CarriedAttributes">Attributes of the method carried to the wrapper (<c>[Obsolete]</c>, <c>[Experimental]</c>, <c>[RequiresUnreferencedCode]</c>...), each written as code.</param>
/// <param name="Options">What the method's <c>[Delayed]</c> sets.</param>
/// <param name="HiddenSignatures">Signatures of the inherited members that the wrapper's overloads hide, the method being declared <c>new</c>: those overloads are <c>new</c> too.</param>
/// <param name="ExistingSignatures">Signatures of the members the type already has under the wrapper's name (see <see cref="WrapperSignatures"/>).</param>
/// <param name="ReservedNames">Names of the type's members that begin with <c>__</c>, which the descriptor table avoids.</param>
/// <param name="CodeVersion">A hash of the method's declaration without trivia (see <c>CodeVersions</c>): keys of stored results include it.</param>
/// <remarks>No location: a model that does not move when code above it is edited stays cached.</remarks>
internal sealed record MethodSpec(
    HierarchyInfo Hierarchy,
    string Name,
    string MetadataName,
    string WrapperName,
    string Id,
    string ContainingTypeDisplay,
    string ContainingType,
    string Accessibility,
    bool IsStatic,
    bool IsInValueType,
    ResultKind ResultKind,
    string ResultType,
    bool IsNullableOblivious,
    bool ReturnsNullableTask,
    EquatableArray<TypeParameterSpec> TypeParameters,
    EquatableArray<ParameterSpec> Parameters,
    string Cref,
    EquatableArray<string> CarriedAttributes,
    OptionsSpec Options,
    EquatableArray<string> HiddenSignatures,
    EquatableArray<string> ExistingSignatures,
    EquatableArray<string> ReservedNames,
    string CodeVersion);

namespace TaskGraph.Generator.Model;

/// <summary>One generated file: a containing type and its wrapped methods.</summary>
/// <param name="HintName">The generated file's name without extension: the hierarchy's, made unique ignoring case.</param>
/// <param name="Hierarchy">The containing type and the types around it.</param>
/// <param name="DescriptorTable">The name of the static array holding the methods' descriptors, unique in the type.</param>
/// <param name="Methods">The wrapped methods; the descriptor of the i-th is element i of the table.</param>
internal sealed record TypeSpec(string HintName, HierarchyInfo Hierarchy, string DescriptorTable, EquatableArray<WrappedMethodSpec> Methods);

/// <summary>A method as emitted: the overloads of its wrapper.</summary>
/// <param name="Method">The method.</param>
/// <param name="Overloads">The parameter forms of each overload; the first is the core wrapper (every parameter a handle).</param>
internal sealed record WrappedMethodSpec(MethodSpec Method, EquatableArray<WrapperOverload> Overloads);

/// <summary>The forms of one wrapper overload's parameters (the wrapper's parameters: cancellation tokens left out).</summary>
internal sealed record WrapperOverload(EquatableArray<ParameterForm> Forms);

/// <summary>How one wrapper parameter takes its argument.</summary>
internal enum ParameterForm
{
    /// <summary><c>Delayed&lt;P&gt;</c>: a handle (a plain value converts implicitly unless <c>P</c> is an interface).</summary>
    Handle,

    /// <summary><c>IEnumerable&lt;Delayed&lt;E&gt;&gt;</c>: a sequence of handles, gathered into one collection node.</summary>
    Sequence,

    /// <summary><c>params Delayed&lt;E&gt;[]</c>: handles written one by one.</summary>
    Params,

    /// <summary>
    /// <c>TP</c>, a type parameter of the overload constrained to the interface type <c>P</c>: a plain value,
    /// wrapped into a constant node. Generic, so that a class-typed argument (which also converts to
    /// <c>Delayed&lt;P&gt;</c>) binds here by identity rather than being ambiguous, and a handle (which does
    /// not satisfy the constraint) binds to the core overload.
    /// </summary>
    Value,

    /// <summary>
    /// <c>P</c>, the parameter's own type: a plain value, wrapped into a constant node. For an optional parameter whose
    /// default is not null but which admits null, a null literal binds here (a plain type is a better conversion target
    /// than the handle it converts to) and means null, where the core overload's omitted-handle <see langword="null"/>
    /// would have meant the default. For a type that mentions a method type parameter (<c>T</c>, <c>List&lt;T&gt;</c>),
    /// type inference works from a plain value as in a direct call (it cannot infer <c>T</c> from <c>int</c> against
    /// <c>Delayed&lt;T&gt;</c>); a handle still binds to the core overload, whose parameter type is more specific.
    /// </summary>
    Plain,
}

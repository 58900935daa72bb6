using System.Collections.Concurrent;

namespace TaskGraph.Analyzers;

/// <summary>
/// TaskGraph's types as one compilation sees them, matched by metadata name (the analyzers never
/// reference the runtime assembly). Created at compilation start and dropped with the compilation.
/// </summary>
internal sealed class TaskGraphSymbols
{
    private readonly Compilation compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, IMethodSymbol?> wrappedMethods = new(SymbolEqualityComparer.Default);

    private TaskGraphSymbols(Compilation compilation, INamedTypeSymbol delayedAttribute, INamedTypeSymbol? wrapperAttribute,
        INamedTypeSymbol? handle, INamedTypeSymbol? node, INamedTypeSymbol? delayedStatic)
    {
        this.compilation = compilation;
        DelayedAttribute = delayedAttribute;
        WrapperAttribute = wrapperAttribute;
        Handle = handle;
        Node = node;
        DelayedStatic = delayedStatic;
    }

    /// <summary><c>TaskGraph.DelayedAttribute</c>.</summary>
    public INamedTypeSymbol DelayedAttribute { get; }

    /// <summary><c>TaskGraph.Infrastructure.DelayedWrapperAttribute</c>, on every generated wrapper.</summary>
    public INamedTypeSymbol? WrapperAttribute { get; }

    /// <summary><c>TaskGraph.Delayed&lt;T&gt;</c>, the handle.</summary>
    public INamedTypeSymbol? Handle { get; }

    /// <summary><c>TaskGraph.DelayedNode</c>, the handles' base.</summary>
    public INamedTypeSymbol? Node { get; }

    /// <summary>The static class <c>TaskGraph.Delayed</c>.</summary>
    public INamedTypeSymbol? DelayedStatic { get; }

    /// <summary>TaskGraph's symbols, or <see langword="null"/> when the compilation does not reference TaskGraph.</summary>
    public static TaskGraphSymbols? TryCreate(Compilation compilation)
    {
        var attribute = compilation.GetTypeByMetadataName("TaskGraph.DelayedAttribute");
        if (attribute is null)
        {
            return null;
        }

        return new TaskGraphSymbols(
            compilation,
            attribute,
            compilation.GetTypeByMetadataName("TaskGraph.Infrastructure.DelayedWrapperAttribute"),
            compilation.GetTypeByMetadataName("TaskGraph.Delayed`1"),
            compilation.GetTypeByMetadataName("TaskGraph.DelayedNode"),
            compilation.GetTypeByMetadataName("TaskGraph.Delayed"));
    }

    /// <summary>The <c>[Delayed]</c> attribute on <paramref name="method"/>, if it has one.</summary>
    public AttributeData? GetDelayedAttribute(IMethodSymbol method)
    {
        foreach (var attribute in method.OriginalDefinition.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, DelayedAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="method"/> is marked <c>[Delayed]</c>.</summary>
    public bool IsDelayedMethod(IMethodSymbol method) => GetDelayedAttribute(method) is not null;

    /// <summary>Whether the <c>[Delayed]</c> method says it blocks (<c>Blocking = true</c>).</summary>
    public bool IsMarkedBlocking(IMethodSymbol method)
    {
        var attribute = GetDelayedAttribute(method);
        if (attribute is null)
        {
            return false;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Blocking" && argument.Value.Value is true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The <c>[Delayed]</c> method that <paramref name="method"/> wraps, when it is a generated wrapper
    /// (<c>[DelayedWrapper(methodId)]</c>); <see langword="null"/> otherwise.
    /// </summary>
    public IMethodSymbol? GetWrappedMethod(IMethodSymbol method)
    {
        if (WrapperAttribute is null)
        {
            return null;
        }

        var definition = method.OriginalDefinition;
        return wrappedMethods.GetOrAdd(definition, FindWrappedMethod);
    }

    /// <summary>Whether <paramref name="method"/> is a generated wrapper.</summary>
    public bool IsWrapper(IMethodSymbol method) => GetWrappedMethod(method) is not null;

    /// <summary>The wrapper generated for the <c>[Delayed]</c> method <paramref name="method"/>, if the generator wrote one.</summary>
    public IMethodSymbol? FindWrapperOf(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        foreach (var member in definition.ContainingType.GetMembers())
        {
            if (member is IMethodSymbol candidate
                && !SymbolEqualityComparer.Default.Equals(candidate, definition)
                && SymbolEqualityComparer.Default.Equals(GetWrappedMethod(candidate), definition)
                && !HasCollectionOverloadShape(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="method"/> is <c>Compute</c>/<c>ComputeAsync</c> of a handle or of <c>Delayed</c>.</summary>
    public bool IsCompute(IMethodSymbol method)
    {
        if (method.Name is not ("Compute" or "ComputeAsync"))
        {
            return false;
        }

        var type = method.ContainingType?.OriginalDefinition;
        return type is not null
               && (SymbolEqualityComparer.Default.Equals(type, Handle) || SymbolEqualityComparer.Default.Equals(type, DelayedStatic));
    }

    /// <summary>Whether <paramref name="method"/> is <c>Delayed.Value</c>.</summary>
    public bool IsValue(IMethodSymbol method)
        => method.Name == "Value" && SymbolEqualityComparer.Default.Equals(method.ContainingType, DelayedStatic);

    /// <summary>Whether <paramref name="method"/> is <c>Delayed.All</c>.</summary>
    public bool IsAll(IMethodSymbol method)
        => method.Name == "All" && SymbolEqualityComparer.Default.Equals(method.ContainingType, DelayedStatic);

    /// <summary>Whether <paramref name="type"/> is a handle (<c>Delayed&lt;T&gt;</c> or <c>DelayedNode</c>).</summary>
    public bool IsHandle(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, Handle)
                || SymbolEqualityComparer.Default.Equals(current, Node))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is a sequence of handles (an array or an <c>IEnumerable&lt;Delayed&lt;T&gt;&gt;</c>).</summary>
    public bool IsHandleSequence(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return IsHandle(array.ElementType);
        }

        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (IsEnumerableOfHandles(named))
        {
            return true;
        }

        foreach (var implemented in named.AllInterfaces)
        {
            if (IsEnumerableOfHandles(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsEnumerableOfHandles(INamedTypeSymbol type)
        => type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
           && IsHandle(type.TypeArguments[0]);

    private IMethodSymbol? FindWrappedMethod(IMethodSymbol wrapper)
    {
        foreach (var attribute in wrapper.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, WrapperAttribute)
                || attribute.ConstructorArguments.Length != 1
                // An array argument (a user's own attribute taking string[]) has no Value: reading it throws.
                || attribute.ConstructorArguments[0] is not { Kind: TypedConstantKind.Primitive, Value: string methodId })
            {
                continue;
            }

            return DocumentationCommentId.GetFirstSymbolForDeclarationId(methodId, compilation) as IMethodSymbol;
        }

        return null;
    }

    // The generator also writes an overload taking IEnumerable<Delayed<T>> for collection parameters;
    // the plain wrapper is the one whose parameters are all single handles.
    private bool HasCollectionOverloadShape(IMethodSymbol wrapper)
    {
        foreach (var parameter in wrapper.Parameters)
        {
            if (!IsHandle(parameter.Type) && IsHandleSequence(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }
}

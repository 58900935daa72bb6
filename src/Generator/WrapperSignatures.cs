namespace TaskGraph.Generator;

/// <summary>
/// Which overloads a wrapper gets, and the signature of each as overload resolution sees it, so that
/// clashes with existing members and between generated overloads are found before any code is written.
/// Signatures are keys built from symbols (<see cref="TypeKey"/>) by the parser, and from the model afterwards.
/// </summary>
/// <remarks>
/// Every wrapper parameter is a handle (<c>Delayed&lt;P&gt;</c>) in the core overload. A parameter may have
/// alternatives: a <c>params</c> array takes handles one by one; a required collection parameter takes a
/// sequence of handles; a required interface-typed parameter takes a plain value (C# forbids the handle's
/// implicit conversion from an expression of interface type); a parameter whose type mentions a method type parameter
/// takes a plain value of its type (so that type inference works as in a direct call); an optional one that admits null
/// but defaults to something else takes a plain value (so that null means null). With up to <see cref="MaxCombinedParameters"/> parameters that have
/// alternatives, every combination is written; beyond that, the core overload plus, per alternative, the
/// overload where every parameter that has it uses it (so the number of overloads stays small).
/// </remarks>
internal static class WrapperSignatures
{
    /// <summary>Stands for a member that is not a method: it blocks the wrapper's name whatever the parameters.</summary>
    public const string AnySignature = "*";

    /// <summary>Up to this many parameters with alternatives, every combination of forms gets an overload.</summary>
    public const int MaxCombinedParameters = 3;

    private const string DelayedType = "global::TaskGraph.Delayed";
    private const string EnumerableType = "global::System.Collections.Generic.IEnumerable";

    public static string Key(string name, int arity, IEnumerable<string> parameterTypes)
        => name + "`" + arity + "(" + string.Join(",", parameterTypes) + ")";

    public static string Key(MethodSpec method, WrapperOverload overload)
        => Key(method.WrapperName, method.TypeParameters.Count, WrapperParameters(method.Parameters), overload);

    private static string Key(string wrapperName, int arity, IEnumerable<ParameterSpec> wrapperParameters, WrapperOverload overload)
    {
        var types = wrapperParameters.Zip(overload.Forms, (parameter, form) =>
            form == ParameterForm.Value ? "!!" + arity++ : SignatureType(parameter, form)).ToList();
        return Key(wrapperName, arity, types);
    }

    /// <summary>The keys of every overload of the wrapper of a method with these wrapper name, arity and parameters.</summary>
    public static IEnumerable<string> OverloadKeys(string wrapperName, int arity, IEnumerable<ParameterSpec> parameters)
    {
        var wrapperParameters = WrapperParameters(parameters).ToList();
        return Overloads(wrapperParameters).Select(overload => Key(wrapperName, arity, wrapperParameters, overload));
    }

    /// <summary>The parameters the wrapper takes: the method's, cancellation tokens left out.</summary>
    public static IEnumerable<ParameterSpec> WrapperParameters(MethodSpec method) => WrapperParameters(method.Parameters);

    private static IEnumerable<ParameterSpec> WrapperParameters(IEnumerable<ParameterSpec> parameters)
        => parameters.Where(p => !p.IsCancellationToken);

    public static WrapperOverload Core(MethodSpec method)
        => new(WrapperParameters(method).Select(_ => ParameterForm.Handle).ToEquatableArray());

    public static bool ClashesWithExisting(MethodSpec method)
        => method.ExistingSignatures.Contains(AnySignature) || method.ExistingSignatures.Contains(Key(method, Core(method)));

    /// <summary>The overloads of the method's wrapper, the core overload first.</summary>
    public static IEnumerable<WrapperOverload> Overloads(MethodSpec method) => Overloads(WrapperParameters(method));

    private static IEnumerable<WrapperOverload> Overloads(IEnumerable<ParameterSpec> wrapperParameters)
    {
        var choices = wrapperParameters.Select(p => new[] { ParameterForm.Handle }.Concat(Alternatives(p)).ToArray()).ToArray();
        if (choices.Count(c => c.Length > 1) <= MaxCombinedParameters)
        {
            IEnumerable<IEnumerable<ParameterForm>> combinations = [[]];
            foreach (var choice in choices)
            {
                combinations = combinations.SelectMany(prefix => choice.Select(form => prefix.Append(form)));
            }

            return combinations.Select(forms => new WrapperOverload(forms.ToEquatableArray()));
        }

        var uniform = new[] { ParameterForm.Sequence, ParameterForm.Params, ParameterForm.Value, ParameterForm.Plain }
            .Where(kind => choices.Any(c => c.Contains(kind)))
            .Select(kind => new WrapperOverload(choices.Select(c => c.Contains(kind) ? kind : ParameterForm.Handle).ToEquatableArray()));
        return new[] { new WrapperOverload(choices.Select(_ => ParameterForm.Handle).ToEquatableArray()) }.Concat(uniform);
    }

    private static IEnumerable<ParameterForm> Alternatives(ParameterSpec parameter)
    {
        if (parameter.IsParams)
        {
            yield return ParameterForm.Params;
            yield break;
        }

        if (parameter.DefaultValue is not null)
        {
            // An optional parameter stays an optional handle, except where a null argument must mean null or a type
            // argument is inferred from it; in the overload taking that plain value, it is required.
            if ((parameter.NullDiffersFromDefault || parameter.MentionsMethodTypeParameter) && parameter.CallerInfo is null)
            {
                yield return ParameterForm.Plain;
            }

            yield break;
        }

        if (parameter.Collection != CollectionKind.None)
        {
            yield return ParameterForm.Sequence;
        }

        if (parameter.MentionsMethodTypeParameter)
        {
            // A plain value of an interface type too: the overload's own type parameter would leave T uninferred.
            yield return ParameterForm.Plain;
        }
        else if (parameter.IsInterface)
        {
            yield return ParameterForm.Value;
        }
    }

    private static string HandleSignatureType(ParameterSpec parameter) => SignatureType(parameter, ParameterForm.Handle);

    private static string SignatureType(ParameterSpec parameter, ParameterForm form) => form switch
    {
        _ when parameter.CallerInfo is not null || form == ParameterForm.Plain => parameter.SignatureType,
        ParameterForm.Sequence => $"{EnumerableType}<{DelayedType}<{parameter.ElementSignatureType}>>",
        ParameterForm.Params => $"{DelayedType}<{parameter.ElementSignatureType}>[]",
        _ => $"{DelayedType}<{parameter.SignatureType}>",
    };

    /// <summary>
    /// A type as overload resolution compares it: no nullable annotations, no tuple element names, <c>dynamic</c>
    /// as <c>object</c>, and type parameters by position (<c>!!0</c> of the method, <c>!0</c> of the type), so that
    /// <c>M&lt;T&gt;(T)</c> and <c>N&lt;U&gt;(U)</c> compare equal.
    /// </summary>
    public static string TypeKey(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol parameter => (parameter.TypeParameterKind == TypeParameterKind.Method ? "!!" : "!") + parameter.Ordinal.ToString(CultureInfo.InvariantCulture),
        IArrayTypeSymbol array => TypeKey(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]",
        IPointerTypeSymbol pointer => TypeKey(pointer.PointedAtType) + "*",
        IDynamicTypeSymbol => "global::System.Object",
        INamedTypeSymbol { IsTupleType: true, TupleUnderlyingType: { } underlying } => TypeKey(underlying),
        INamedTypeSymbol named => (named.ContainingType is { } outer ? TypeKey(outer) + "." : NamespaceKey(named.ContainingNamespace))
            + named.Name
            + (named.TypeArguments.IsEmpty ? string.Empty : "<" + string.Join(",", named.TypeArguments.Select(TypeKey)) + ">"),
        _ => type.ToDisplayString(SymbolFormats.Type),
    };

    private static string NamespaceKey(INamespaceSymbol? ns)
        => ns is null || ns.IsGlobalNamespace ? "global::" : NamespaceKey(ns.ContainingNamespace) + ns.Name + ".";

    /// <summary>Two methods that the compiler would call duplicates (CS0111): same arity, parameter types and ref kinds.</summary>
    public static bool SameSignature(IMethodSymbol a, IMethodSymbol b)
        => a.TypeParameters.Length == b.TypeParameters.Length
           && a.Parameters.Length == b.Parameters.Length
           && a.Parameters.Zip(b.Parameters, (x, y) => x.RefKind == y.RefKind && TypeKey(x.Type) == TypeKey(y.Type)).All(same => same);

    /// <summary>
    /// Signatures of what already answers to the wrapper's name: the type's own members, members that derived code
    /// would hide (base types' non-private members), and the wrapper overloads that the generator writes for
    /// <c>[Delayed]</c> methods of base types in source (this run cannot see those). A member that is not a method
    /// blocks the name entirely. A wrapper whose method is declared <c>new</c> hides an inherited member that has the
    /// signature of one of its overloads (<paramref name="hidingKeys"/>) instead of clashing with it: those signatures
    /// come back in <paramref name="hidden"/>, so that exactly those overloads are written <c>new</c>.
    /// </summary>
    public static SortedSet<string> Existing(INamedTypeSymbol containingType, string wrapperName, ICollection<string> hidingKeys, out SortedSet<string> hidden)
    {
        hidden = new SortedSet<string>(StringComparer.Ordinal);
        var signatures = new SortedSet<string>(StringComparer.Ordinal);
        if (containingType.Name == wrapperName || containingType.TypeParameters.Any(t => t.Name == wrapperName))
        {
            signatures.Add(AnySignature);
        }

        for (var type = containingType; type is not null; type = type.BaseType)
        {
            bool isBase = !SymbolEqualityComparer.Default.Equals(type, containingType);
            foreach (var member in type.GetMembers())
            {
                var keys = !isBase || member.DeclaredAccessibility != Accessibility.Private ? ExistingKeys(member, wrapperName, isBase) : [];
                foreach (string key in keys)
                {
                    (isBase && hidingKeys.Contains(key) ? hidden : signatures).Add(key);
                }
            }
        }

        return signatures;
    }

    /// <summary>
    /// Another wrappable <c>[Delayed]</c> method of the type, declared earlier (by file, then position), whose
    /// core wrapper has the same signature as this one's (<c>Load(string)</c> and <c>LoadAsync(string)</c>).
    /// </summary>
    public static string? EarlierClashingSibling(IMethodSymbol method, INamedTypeSymbol containingType, MethodSpec spec)
    {
        string key = Key(spec, Core(spec));
        return containingType.GetMembers().OfType<IMethodSymbol>()
            .FirstOrDefault(other => !other.IsSameMethodAs(method) && other.IsDeclaredBefore(method) && CoreWrapperKey(other) == key)?.Name;
    }

    /// <summary>The key of the core wrapper of a method with these wrapper name and parameters.</summary>
    private static string CoreKey(string wrapperName, int arity, IEnumerable<ParameterSpec> parameters)
        => Key(wrapperName, arity, WrapperParameters(parameters).Select(HandleSignatureType));

    private static IEnumerable<string> ExistingKeys(ISymbol member, string wrapperName, bool isBase) => member switch
    {
        { Name: var name } when name == wrapperName => [member is IMethodSymbol existing
            ? Key(existing.Name, existing.TypeParameters.Length, existing.Parameters.Select(p => (p.RefKind == RefKind.None ? string.Empty : "ref ") + TypeKey(p.Type)))
            : AnySignature],
        IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false } baseMethod when isBase
            && OptionsSpec.Of(baseMethod) is { } options
            && DelayedGenerator.Parser.WrapperName(baseMethod.Name, options) == wrapperName
            && DelayedGenerator.Parser.WrappableParameters(baseMethod, options) is { } parameters
            => OverloadKeys(wrapperName, baseMethod.TypeParameters.Length, parameters),
        _ => [],
    };

    /// <summary>The key of the core wrapper the generator writes for <paramref name="method"/>; <see langword="null"/> when it writes none.</summary>
    private static string? CoreWrapperKey(IMethodSymbol method)
        => OptionsSpec.Of(method) is { } options && DelayedGenerator.Parser.WrappableParameters(method, options) is { } parameters
            ? CoreKey(DelayedGenerator.Parser.WrapperName(method.Name, options), method.TypeParameters.Length, parameters)
            : null;
}

namespace TaskGraph.Generator;

public sealed partial class DelayedGenerator
{
    /// <summary>What makes a method unwrappable: each check reports why, or stays quiet where the compiler already reports the code.</summary>
    internal static partial class Parser
    {
        /// <summary>
        /// The attribute's numeric options are counts and milliseconds: a negative one gets no wrapper (its descriptor
        /// would throw). A wrapper name must be an identifier that needs no escaping.
        /// </summary>
        private static void CheckOptions(OptionsSpec options, Action<DiagnosticDescriptor, string[]> report)
        {
            foreach (var (option, value) in new[]
            {
                (DescriptorEntry.RetriesOption, options.Retries),
                (DescriptorEntry.RetryDelayMillisecondsOption, options.RetryDelayMilliseconds),
                (DescriptorEntry.TimeoutMillisecondsOption, options.TimeoutMilliseconds),
            })
            {
                if (value < 0)
                {
                    report(DiagnosticDescriptors.NegativeOption, [option, value.ToString(CultureInfo.InvariantCulture)]);
                }
            }

            if (options.Name is { } name && InvalidWrapperNameReason(name) is { } reason)
            {
                report(DiagnosticDescriptors.InvalidWrapperName, [SymbolDisplay.FormatLiteral(name, quote: true), reason]);
            }
        }

        private static string? InvalidWrapperNameReason(string name)
            => name.Length == 0 ? "it is empty"
                : SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "it is a keyword"
                : !SyntaxFacts.IsValidIdentifier(name) ? "it is not an identifier"
                : null;

        /// <summary>
        /// The parameters of another <c>[Delayed]</c> method (a sibling, or a base type's) when the generator wraps
        /// it; <see langword="null"/> when it does not. For clash checks, which need the signature of its wrapper.
        /// </summary>
        internal static ImmutableArray<ParameterSpec>? WrappableParameters(IMethodSymbol method, OptionsSpec options)
        {
            bool wrappable = true;
            void Refuse(DiagnosticDescriptor descriptor, string[] arguments) => wrappable = false;
            if (method.ContainingType is not { } type || IsAlreadyAnError(method, type) || !CheckContainingTypes(method, type, Refuse, CancellationToken.None))
            {
                return null;
            }

            var parameters = CheckMethod(method, Refuse);
            CheckOptions(options, Refuse);
            return wrappable ? parameters : null;
        }

        /// <summary>The method-level checks; returns the parameters (meaningful only when nothing was reported).</summary>
        private static ImmutableArray<ParameterSpec> CheckMethod(IMethodSymbol method, Action<DiagnosticDescriptor, string[]> report)
        {
            CheckMethodKind(method, report);
            CheckSignature(method, report);
            return ParseParameters(method, report);
        }

        private static bool IsAlreadyAnError(IMethodSymbol method, INamedTypeSymbol containingType)
            => HasInvalidType(method)
               || HasLessAccessibleType(method)
               || (!method.IsStatic && containingType.IsStatic)
               || method.Name.Length == 0
               || HasMissingOrDuplicateName(method)
               || HasUnnamedContainer(containingType)
               || containingType.GetMembers(method.Name).OfType<IMethodSymbol>().Any(other =>
                   !other.IsSameMethodAs(method) && other.MethodKind == method.MethodKind && WrapperSignatures.SameSignature(other, method));

        /// <summary>A parameter or type parameter without a name, or two of them with the same name: the wrapper would repeat the error.</summary>
        private static bool HasMissingOrDuplicateName(IMethodSymbol method)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            return method.Parameters.Select(p => p.Name).Concat(method.TypeParameters.Select(t => t.Name))
                .Any(name => name.Length == 0 || !names.Add(name));
        }

        private static bool HasUnnamedContainer(INamedTypeSymbol? type)
        {
            for (; type is not null; type = type.ContainingType)
            {
                if (type.Name.Length == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A result or parameter type less accessible than the method (CS0050/CS0051): the wrapper would repeat
        /// the error. Accessibilities are ranked; incomparable ones (protected, internal) share a rank and pass.
        /// </summary>
        private static bool HasLessAccessibleType(IMethodSymbol method)
        {
            int methodRank = Math.Min(AccessibilityRank(method.DeclaredAccessibility), EffectiveRank(method.ContainingType));
            return EffectiveRank(method.ReturnType) < methodRank || method.Parameters.Any(p => EffectiveRank(p.Type) < methodRank);
        }

        private static int EffectiveRank(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => EffectiveRank(array.ElementType),
            IPointerTypeSymbol pointer => EffectiveRank(pointer.PointedAtType),
            INamedTypeSymbol named => Math.Min(
                Math.Min(AccessibilityRank(named.DeclaredAccessibility), named.ContainingType is { } outer ? EffectiveRank(outer) : int.MaxValue),
                named.TypeArguments.Select(EffectiveRank).DefaultIfEmpty(int.MaxValue).Min()),
            _ => int.MaxValue,
        };

        private static int AccessibilityRank(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Private => 0,
            Accessibility.ProtectedAndInternal => 1,
            Accessibility.Protected or Accessibility.Internal => 2,
            Accessibility.ProtectedOrInternal => 3,
            _ => int.MaxValue,
        };

        /// <summary>A signature the compiler rejects already: an error type, or a static class where a type must be instantiable.</summary>
        private static bool HasInvalidType(IMethodSymbol method)
            => IsOrContainsInvalidType(method.ReturnType)
               || method.Parameters.Any(p => IsOrContainsInvalidType(p.Type))
               || method.TypeParameters.Any(t => t.ConstraintTypes.Any(IsOrContainsInvalidType));

        private static bool IsOrContainsInvalidType(ITypeSymbol type) => type switch
        {
            { TypeKind: TypeKind.Error } => true,
            // A static class cannot be a parameter, result, element, type argument or constraint (CS0717-CS0722).
            { TypeKind: TypeKind.Class, IsStatic: true } => true,
            IArrayTypeSymbol array => IsOrContainsInvalidType(array.ElementType),
            IPointerTypeSymbol pointer => IsOrContainsInvalidType(pointer.PointedAtType),
            INamedTypeSymbol named => HasInvalidTypeArgument(named),
            _ => false,
        };

        /// <summary>The type arguments of a type and of its containing types (<c>Outer&lt;Missing&gt;.Inner</c>); a static containing type is fine.</summary>
        private static bool HasInvalidTypeArgument(INamedTypeSymbol named)
            => named.TypeArguments.Any(IsOrContainsInvalidType)
               || (named.ContainingType is { } outer && (outer.TypeKind == TypeKind.Error || HasInvalidTypeArgument(outer)));

        private static void CheckMethodKind(IMethodSymbol method, Action<DiagnosticDescriptor, string[]> report)
        {
            string? reason = method.MethodKind switch
            {
                MethodKind.Ordinary => null,
                MethodKind.LocalFunction => "it is a local function; declare it as a method of a partial type",
                MethodKind.ExplicitInterfaceImplementation => "it is an explicit interface implementation, which cannot be called by name",
                MethodKind.UserDefinedOperator or MethodKind.Conversion => "it is an operator; wrap a named method that the operator calls",
                MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove => "it is an accessor; wrap a named method instead",
                _ => $"a {method.MethodKind} is not an ordinary method",
            };
            if (reason is null && method.IsVararg)
            {
                reason = "it takes an __arglist, which a task cannot store";
            }

            if (reason is null && method.IsAsync && method.ReturnsVoid)
            {
                reason = "it is async void, so its task would complete at its first await and its exceptions would go unobserved; return a Task instead";
            }

            if (reason is not null)
            {
                report(DiagnosticDescriptors.UnsupportedMethod, [reason]);
            }
        }

        /// <summary>
        /// The checks of the types around the method. Returns whether generated code can extend them: a type that is
        /// not partial is skipped without a diagnostic here (TG0001 is an analyzer's, where code fixes reach it).
        /// </summary>
        private static bool CheckContainingTypes(IMethodSymbol method, INamedTypeSymbol containingType, Action<DiagnosticDescriptor, string[]> report, CancellationToken cancellationToken)
        {
            if (containingType.TypeKind == TypeKind.Interface)
            {
                report(DiagnosticDescriptors.MethodInInterface, [containingType.Name]);
                return false;
            }

            if (!method.IsStatic && containingType.IsRefLikeType)
            {
                report(DiagnosticDescriptors.InstanceMethodOfRefStruct, [containingType.Name]);
            }

            for (var type = containingType; type is not null; type = type.ContainingType)
            {
                if (type.IsFileLocal)
                {
                    report(DiagnosticDescriptors.FileLocalContainingType, [type.Name]);
                    return false;
                }
            }

            return PartialDeclarations.FirstNonPartialContainer(method, cancellationToken) is null;
        }

        private static void CheckSignature(IMethodSymbol method, Action<DiagnosticDescriptor, string[]> report)
        {
            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                report(DiagnosticDescriptors.ByRefReturn, []);
            }
            else if (!method.ReturnsVoid && IsRefLikeOrPointer(method.ReturnType))
            {
                report(DiagnosticDescriptors.RefLikeOrPointerType, ["its return type", method.ReturnType.ToDisplayString()]);
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    report(DiagnosticDescriptors.ByRefParameter, [parameter.Name, RefKindText(parameter.RefKind)]);
                }
                else if (IsRefLikeOrPointer(parameter.Type))
                {
                    report(DiagnosticDescriptors.RefLikeOrPointerType, [$"parameter '{parameter.Name}'", parameter.Type.ToDisplayString()]);
                }
            }
        }

        private static string RefKindText(RefKind refKind) => refKind switch
        {
            RefKind.Out => "out",
            RefKind.In => "in",
            RefKind.Ref => "ref",
            _ => "ref readonly",
        };

        private static bool IsRefLikeOrPointer(ITypeSymbol type) => type switch
        {
            { IsRefLikeType: true } => true,
            ITypeParameterSymbol parameter => parameter.AllowsRefLikeType(),
            { TypeKind: TypeKind.Pointer or TypeKind.FunctionPointer } => true,
            IArrayTypeSymbol array => IsRefLikeOrPointer(array.ElementType),
            _ => false,
        };
    }
}

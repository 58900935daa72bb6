namespace TaskGraph.Generator;

public sealed partial class DelayedGenerator
{
    /// <summary>The parameters as the wrapper takes them: collection shapes, default values as code, caller info.</summary>
    internal static partial class Parser
    {
        internal static ImmutableArray<ParameterSpec> ParseParameters(IMethodSymbol method, Action<DiagnosticDescriptor, string[]> report)
        {
            var parameters = ImmutableArray.CreateBuilder<ParameterSpec>(method.Parameters.Length);
            foreach (var parameter in method.Parameters)
            {
                var (collection, element) = CollectionShape(parameter.Type);
                string? defaultValue = null;
                if (parameter.IsParams && parameter.Type is not IArrayTypeSymbol)
                {
                    report(DiagnosticDescriptors.UnsupportedMethod, [$"parameter '{parameter.Name}' is a params collection; only params arrays are supported"]);
                }
                else if (parameter.IsParams && element is not null)
                {
                    // The core wrapper takes the array as one handle; it may follow optional parameters, so it is optional too.
                    defaultValue = $"global::System.Array.Empty<{element.ToDisplayString(SymbolFormats.Type)}>()";
                }
                else if (parameter.IsOptional)
                {
                    defaultValue = FormatDefaultValue(parameter);
                    if (defaultValue is null)
                    {
                        report(DiagnosticDescriptors.UnsupportedMethod, [$"the default value of parameter '{parameter.Name}' cannot be written as a constant"]);
                    }
                }

                parameters.Add(new ParameterSpec(
                    Name: SymbolFormats.EscapeIdentifier(parameter.Name),
                    MetadataName: parameter.Name,
                    Type: parameter.Type.ToDisplayString(SymbolFormats.Type),
                    SignatureType: WrapperSignatures.TypeKey(parameter.Type),
                    IsCancellationToken: parameter.Type.IsCancellationToken(),
                    IsNullableAnnotated: parameter.NullableAnnotation == NullableAnnotation.Annotated && !parameter.Type.IsValueType,
                    IsInterface: parameter.Type.TypeKind == TypeKind.Interface,
                    IsParams: parameter.IsParams,
                    IsThis: parameter.Ordinal == 0 && method.IsExtensionMethod,
                    Collection: collection,
                    ElementType: element?.ToDisplayString(SymbolFormats.Type) ?? string.Empty,
                    ElementSignatureType: element is null ? string.Empty : WrapperSignatures.TypeKey(element),
                    DefaultValue: defaultValue,
                    NullDiffersFromDefault: defaultValue is not null && !parameter.IsParams && parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is not null && AdmitsNull(parameter),
                    MentionsMethodTypeParameter: MentionsMethodTypeParameter(parameter.Type),
                    CallerInfo: parameter.GetAttributes().Where(a => a.AttributeClass is { } type && IsCallerInfo(type)).Select(attribute => attribute.ToCode()).FirstOrDefault()));
            }

            return parameters.MoveToImmutable();
        }

        /// <summary>A <see langword="null"/> argument is a value of the parameter: a nullable or oblivious reference type, or <c>T?</c>.</summary>
        private static bool AdmitsNull(IParameterSymbol parameter)
            => parameter.Type.IsReferenceType
                ? parameter.NullableAnnotation != NullableAnnotation.NotAnnotated
                : parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;

        private static bool MentionsMethodTypeParameter(ITypeSymbol type) => type switch
        {
            ITypeParameterSymbol parameter => parameter.TypeParameterKind == TypeParameterKind.Method,
            IArrayTypeSymbol array => MentionsMethodTypeParameter(array.ElementType),
            INamedTypeSymbol named => named.TypeArguments.Any(MentionsMethodTypeParameter) || (named.ContainingType is { } outer && MentionsMethodTypeParameter(outer)),
            _ => false,
        };

        /// <summary><c>[CallerMemberName]</c>, <c>[CallerFilePath]</c>, <c>[CallerLineNumber]</c>, <c>[CallerArgumentExpression]</c>.</summary>
        private static bool IsCallerInfo(INamedTypeSymbol attribute)
            => attribute.ContainingType is null
               && attribute.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices"
               && attribute.Name is "CallerMemberNameAttribute" or "CallerFilePathAttribute" or "CallerLineNumberAttribute" or "CallerArgumentExpressionAttribute";

        private static (CollectionKind Kind, ITypeSymbol? Element) CollectionShape(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol { IsSZArray: true } array)
            {
                return (CollectionKind.Array, array.ElementType);
            }

            if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
            {
                return (CollectionKind.None, null);
            }

            var kind = named.OriginalDefinition.SpecialType switch
            {
                SpecialType.System_Collections_Generic_IEnumerable_T => CollectionKind.Enumerable,
                SpecialType.System_Collections_Generic_IReadOnlyList_T => CollectionKind.ReadOnlyList,
                SpecialType.System_Collections_Generic_IReadOnlyCollection_T => CollectionKind.ReadOnlyCollection,
                _ when named.IsNamed("System.Collections.Generic", "List") => CollectionKind.List,
                _ => CollectionKind.None,
            };
            return kind == CollectionKind.None ? (kind, null) : (kind, named.TypeArguments[0]);
        }

        /// <summary>
        /// The default value as a C# expression of the parameter's type, or <see langword="null"/> when it
        /// cannot be written (the method is then reported rather than wrapped wrongly).
        /// </summary>
        private static string? FormatDefaultValue(IParameterSymbol parameter)
        {
            if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is null)
            {
                // [Optional] without a value, null, or default(T): the parameter type's default.
                return "default!";
            }

            object value = parameter.ExplicitDefaultValue;
            var type = parameter.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : parameter.Type;
            if (type.TypeKind == TypeKind.Enum)
            {
                return FormatNumber(value) is { } number ? $"({type.ToDisplayString(SymbolFormats.Type)})({number})" : null;
            }

            return value switch
            {
                string text => SymbolDisplay.FormatLiteral(text, quote: true),
                char character => SymbolDisplay.FormatLiteral(character, quote: true),
                bool flag => flag ? "true" : "false",
                float single => FormatFloatingPoint(single, float.IsNaN(single), float.IsPositiveInfinity(single), float.IsNegativeInfinity(single), "global::System.Single", single.ToString("R", CultureInfo.InvariantCulture) + "F"),
                double number => FormatFloatingPoint(number, double.IsNaN(number), double.IsPositiveInfinity(number), double.IsNegativeInfinity(number), "global::System.Double", number.ToString("R", CultureInfo.InvariantCulture) + "D"),
                decimal number => number.ToString(CultureInfo.InvariantCulture) + "M",
                _ => FormatNumber(value),
            };
        }

        private static string FormatFloatingPoint<T>(T value, bool isNaN, bool isPositiveInfinity, bool isNegativeInfinity, string typeName, string literal)
            => isNaN ? typeName + ".NaN"
                : isPositiveInfinity ? typeName + ".PositiveInfinity"
                : isNegativeInfinity ? typeName + ".NegativeInfinity"
                : literal;

        private static string? FormatNumber(object value) => value switch
        {
            sbyte or byte or short or ushort or int or uint or long or ulong => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };
    }
}

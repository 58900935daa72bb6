using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TaskGraph.Generator.Model;

namespace TaskGraph.Generator;

public sealed partial class DelayedGenerator
{
    /// <summary>Turns a <c>[Delayed]</c> method into a value-equatable model, or into the diagnostics that explain why it cannot be wrapped.</summary>
    internal static class Parser
    {
        private const string RetriesOption = "Retries";
        private const string RetryDelayOption = "RetryDelayMilliseconds";
        private const string TimeoutOption = "TimeoutMilliseconds";

        /// <summary>Types as emitted: fully qualified, keywords escaped, nullable annotations kept.</summary>
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Types as overload resolution sees them: no nullable reference annotations, no tuple element names.</summary>
        private static readonly SymbolDisplayFormat SignatureFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

        /// <summary>Types as a cref names them (generic braces are put in afterwards).</summary>
        private static readonly SymbolDisplayFormat CrefFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple | SymbolDisplayMiscellaneousOptions.ExpandNullable);

        /// <summary>Names as people read them, for descriptors: <c>Ns.Outer&lt;T&gt;.Inner</c>, keywords unescaped.</summary>
        private static readonly SymbolDisplayFormat DisplayFormat = new(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

        private static readonly SymbolDisplayFormat NamespaceFormat = new(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            try
            {
                return ParseMethod(context, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A bug here must not take the IDE's compilation down (CS8785): the method is reported instead.
                var diagnostic = DiagnosticInfo.Create(
                    DiagnosticDescriptors.InternalError,
                    LocationInfo.From(context.TargetSymbol.Locations.FirstOrDefault()),
                    context.TargetSymbol.Name,
                    exception.GetType().Name + ": " + exception.Message);
                return new ParseResult(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
            }
        }

        private static ParseResult ParseMethod(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol method || method.ContainingType is not { } containingType)
            {
                return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            if (IsAlreadyAnError(method, containingType))
            {
                // The compiler reports the broken declaration; a wrapper would only add errors of its own.
                return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            var location = LocationInfo.From(method.Locations.FirstOrDefault());
            string methodDisplay = method.Name;
            var diagnostics = new List<DiagnosticInfo>();
            void Report(DiagnosticDescriptor descriptor, params string[] arguments)
                => diagnostics.Add(DiagnosticInfo.Create(descriptor, location, [methodDisplay, .. arguments]));

            CheckContainingTypes(method, containingType, Report, cancellationToken);
            var parameters = CheckMethod(method, Report);
            CheckOptions(context.Attributes[0], Report);
            if (diagnostics.Count > 0)
            {
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            var spec = CreateSpec(context, method, containingType, parameters);
            if (WrapperSignatures.ClashesWithExisting(spec))
            {
                Report(DiagnosticDescriptors.NameClash, containingType.Name, spec.WrapperName, "declared in the type or a base type");
            }
            else if (EarlierClashingSibling(method, containingType, spec) is { } sibling)
            {
                Report(DiagnosticDescriptors.NameClash, containingType.Name, spec.WrapperName, $"the wrapper of [Delayed] method '{sibling}' declared before it");
            }

            return diagnostics.Count > 0
                ? new ParseResult(null, diagnostics.ToEquatableArray())
                : new ParseResult(spec, EquatableArray<DiagnosticInfo>.Empty);
        }

        /// <summary>The attribute's numeric options are counts and milliseconds: a negative one gets no wrapper (its descriptor would throw).</summary>
        private static void CheckOptions(AttributeData attribute, Action<DiagnosticDescriptor, string[]> report)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key is RetriesOption or RetryDelayOption or TimeoutOption && argument.Value.Value is int value && value < 0)
                {
                    report(DiagnosticDescriptors.NegativeOption, [argument.Key, value.ToString(CultureInfo.InvariantCulture)]);
                }
            }
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
                   !IsSameMethod(other, method) && other.MethodKind == method.MethodKind && SameSignature(other, method));

        /// <summary>A parameter or type parameter without a name, or two of them with the same name: the wrapper would repeat the error.</summary>
        private static bool HasMissingOrDuplicateName(IMethodSymbol method)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            return method.Parameters.Select(p => p.Name).Concat(method.TypeParameters.Select(t => t.Name))
                .Any(name => name.Length == 0 || !names.Add(name));
        }

        /// <summary>The same method, or the other part of the same partial method.</summary>
        private static bool IsSameMethod(IMethodSymbol a, IMethodSymbol b)
            => SymbolEqualityComparer.Default.Equals(a, b)
               || SymbolEqualityComparer.Default.Equals(a.PartialImplementationPart, b)
               || SymbolEqualityComparer.Default.Equals(a.PartialDefinitionPart, b);

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

        private static bool SameSignature(IMethodSymbol a, IMethodSymbol b)
            => a.TypeParameters.Length == b.TypeParameters.Length
               && a.Parameters.Length == b.Parameters.Length
               && a.Parameters.Zip(b.Parameters, (x, y) => x.RefKind == y.RefKind && SignatureType(x.Type, a) == SignatureType(y.Type, b)).All(same => same);

        /// <summary>
        /// Another wrappable <c>[Delayed]</c> method of the type, declared earlier (by file, then position), whose
        /// core wrapper has the same signature as this one's (<c>Load(string)</c> and <c>LoadAsync(string)</c>).
        /// </summary>
        private static string? EarlierClashingSibling(IMethodSymbol method, INamedTypeSymbol containingType, MethodSpec spec)
        {
            string key = WrapperSignatures.Key(spec, WrapperSignatures.Core(spec));
            foreach (var member in containingType.GetMembers())
            {
                if (member is not IMethodSymbol other
                    || IsSameMethod(other, method)
                    || WrapperName(other.Name) != spec.WrapperName
                    || !IsDeclaredBefore(other, method)
                    || !HasDelayedAttribute(other)
                    || IsAlreadyAnError(other, containingType))
                {
                    continue;
                }

                bool wrappable = true;
                var parameters = CheckMethod(other, (_, _) => wrappable = false);
                if (wrappable && WrapperSignatures.Key(spec.WrapperName, other.TypeParameters.Length, parameters.Where(p => !p.IsCancellationToken).Select(p => WrapperSignatures.HandleSignatureType(p))) == key)
                {
                    return other.Name;
                }
            }

            return null;
        }

        private static bool IsDeclaredBefore(ISymbol first, ISymbol second)
        {
            var a = first.Locations.FirstOrDefault();
            var b = second.Locations.FirstOrDefault();
            if (a?.SourceTree is null || b?.SourceTree is null)
            {
                return false;
            }

            int byFile = string.CompareOrdinal(a.SourceTree.FilePath, b.SourceTree.FilePath);
            return byFile < 0 || (byFile == 0 && a.SourceSpan.Start < b.SourceSpan.Start);
        }

        private static bool HasDelayedAttribute(IMethodSymbol method)
            => method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == DelayedAttributeMetadataName);

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

            if (reason is not null)
            {
                report(DiagnosticDescriptors.UnsupportedMethod, [reason]);
            }
        }

        private static void CheckContainingTypes(IMethodSymbol method, INamedTypeSymbol containingType, Action<DiagnosticDescriptor, string[]> report, CancellationToken cancellationToken)
        {
            if (containingType.TypeKind == TypeKind.Interface)
            {
                report(DiagnosticDescriptors.MethodInInterface, [containingType.Name]);
                return;
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
                    return;
                }

                if (!IsPartial(type, cancellationToken))
                {
                    report(DiagnosticDescriptors.ContainingTypeNotPartial, [type.Name]);
                    return;
                }
            }
        }

        private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
            => type.DeclaringSyntaxReferences.Length > 0
               && type.DeclaringSyntaxReferences.All(reference =>
                   reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                   && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

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
            ITypeParameterSymbol parameter => AllowsRefLikeType(parameter),
            { TypeKind: TypeKind.Pointer or TypeKind.FunctionPointer } => true,
            IArrayTypeSymbol array => IsRefLikeOrPointer(array.ElementType),
            _ => false,
        };

        /// <summary>
        /// <c>where T : allows ref struct</c> (C# 13). The property is newer than the Roslyn this assembly
        /// compiles against, so it is read from the running compiler's interface when it has one.
        /// </summary>
        private static bool AllowsRefLikeType(ITypeParameterSymbol parameter)
            => AllowsRefLikeTypeProperty?.GetValue(parameter) is true;

        private static readonly System.Reflection.PropertyInfo? AllowsRefLikeTypeProperty
            = typeof(ITypeParameterSymbol).GetProperty("AllowsRefLikeType");

        private static ImmutableArray<ParameterSpec> ParseParameters(IMethodSymbol method, Action<DiagnosticDescriptor, string[]> report)
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
                    defaultValue = $"global::System.Array.Empty<{element.ToDisplayString(TypeFormat)}>()";
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
                    Name: EscapeIdentifier(parameter.Name),
                    MetadataName: parameter.Name,
                    Type: parameter.Type.ToDisplayString(TypeFormat),
                    SignatureType: SignatureType(parameter.Type, method),
                    IsCancellationToken: IsCancellationToken(parameter.Type),
                    IsNullableAnnotated: parameter.NullableAnnotation == NullableAnnotation.Annotated && !parameter.Type.IsValueType,
                    IsInterface: parameter.Type.TypeKind == TypeKind.Interface,
                    IsParams: parameter.IsParams,
                    IsThis: parameter.Ordinal == 0 && method.IsExtensionMethod,
                    Collection: collection,
                    ElementType: element?.ToDisplayString(TypeFormat) ?? string.Empty,
                    ElementSignatureType: element is null ? string.Empty : SignatureType(element, method),
                    DefaultValue: defaultValue));
            }

            return parameters.MoveToImmutable();
        }

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
                _ when IsNamed(named, "System.Collections.Generic", "List") => CollectionKind.List,
                _ => CollectionKind.None,
            };
            return kind == CollectionKind.None ? (kind, null) : (kind, named.TypeArguments[0]);
        }

        private static bool IsCancellationToken(ITypeSymbol type) => IsNamed(type, "System.Threading", "CancellationToken");

        private static bool IsNamed(ITypeSymbol type, string containingNamespace, string name)
            => type.Name == name
               && type.ContainingType is null
               && type.ContainingNamespace?.ToDisplayString() == containingNamespace;

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
                return FormatNumber(value) is { } number ? $"({type.ToDisplayString(SignatureFormat)})({number})" : null;
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

        private static MethodSpec CreateSpec(GeneratorAttributeSyntaxContext context, IMethodSymbol method, INamedTypeSymbol containingType, ImmutableArray<ParameterSpec> parameters)
        {
            var (resultKind, resultType) = ResultShape(method);
            bool pure = false, blocking = false;
            int retries = 0, retryDelay = 0, timeout = 0;
            foreach (var argument in context.Attributes[0].NamedArguments)
            {
                bool flag = argument.Value.Value is true;
                int number = argument.Value.Value is int value ? value : 0;
                switch (argument.Key)
                {
                    case "Pure":
                        pure = flag;
                        break;
                    case "Blocking":
                        blocking = flag;
                        break;
                    case RetriesOption:
                        retries = number;
                        break;
                    case RetryDelayOption:
                        retryDelay = number;
                        break;
                    case TimeoutOption:
                        timeout = number;
                        break;
                }
            }

            string wrapperName = WrapperName(method.Name);
            return new MethodSpec(
                Hierarchy: CreateHierarchy(containingType),
                Name: EscapeIdentifier(method.Name),
                MetadataName: method.Name,
                WrapperName: wrapperName,
                Id: method.GetDocumentationCommentId() ?? method.Name,
                ContainingTypeDisplay: containingType.ToDisplayString(DisplayFormat),
                ContainingType: containingType.ToDisplayString(TypeFormat),
                Accessibility: AccessibilityText(method.DeclaredAccessibility),
                IsStatic: method.IsStatic,
                IsInValueType: !method.IsStatic && containingType.IsValueType,
                ResultKind: resultKind,
                ResultType: resultType,
                ReturnsNullableTask: resultKind is ResultKind.Task or ResultKind.TaskOfResult && method.ReturnNullableAnnotation == NullableAnnotation.Annotated,
                TypeParameters: method.TypeParameters.Select(TypeParameter).ToEquatableArray(),
                Parameters: new EquatableArray<ParameterSpec>(parameters),
                Cref: Cref(method),
                Obsolete: ObsoleteArguments(method),
                Pure: pure,
                Blocking: blocking,
                Retries: retries,
                RetryDelayMilliseconds: retryDelay,
                TimeoutMilliseconds: timeout,
                ExistingSignatures: ExistingSignatures(containingType, wrapperName).ToEquatableArray(),
                ReservedNames: containingType.GetMembers().Select(m => m.Name).Where(n => n.StartsWith("__", StringComparison.Ordinal)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray());
        }

        /// <summary><c>M</c> -> <c>MDelayed</c>; a trailing <c>Async</c> is dropped (<c>LoadAsync</c> -> <c>LoadDelayed</c>).</summary>
        internal static string WrapperName(string methodName)
        {
            const string AsyncSuffix = "Async";
            string stem = methodName.Length > AsyncSuffix.Length && methodName.EndsWith(AsyncSuffix, StringComparison.Ordinal)
                ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length)
                : methodName;
            return stem + "Delayed";
        }

        private static (ResultKind Kind, string Type) ResultShape(IMethodSymbol method)
        {
            const string Unit = "global::TaskGraph.Unit";
            if (method.ReturnsVoid)
            {
                return (ResultKind.Void, Unit);
            }

            var type = method.ReturnType;
            if (type.ContainingType is null && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" && type is INamedTypeSymbol named)
            {
                switch (named.MetadataName)
                {
                    case "Task":
                        return (ResultKind.Task, Unit);
                    case "ValueTask":
                        return (ResultKind.ValueTask, Unit);
                    case "Task`1":
                        return (ResultKind.TaskOfResult, named.TypeArguments[0].ToDisplayString(TypeFormat));
                    case "ValueTask`1":
                        return (ResultKind.ValueTaskOfResult, named.TypeArguments[0].ToDisplayString(TypeFormat));
                }
            }

            return (ResultKind.Value, type.ToDisplayString(TypeFormat));
        }

        private static string AccessibilityText(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Public => "public",
            Accessibility.Internal => "internal",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => "private",
        };

        private static TypeParameterSpec TypeParameter(ITypeParameterSymbol parameter)
        {
            var constraints = new List<string>();
            if (parameter.HasReferenceTypeConstraint)
            {
                constraints.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (parameter.HasUnmanagedTypeConstraint)
            {
                constraints.Add("unmanaged");
            }
            else if (parameter.HasValueTypeConstraint)
            {
                constraints.Add("struct");
            }
            else if (parameter.HasNotNullConstraint)
            {
                constraints.Add("notnull");
            }

            constraints.AddRange(parameter.ConstraintTypes.Select(t => t.ToDisplayString(TypeFormat)));
            if (parameter.HasConstructorConstraint && !parameter.HasValueTypeConstraint)
            {
                constraints.Add("new()");
            }

            return new TypeParameterSpec(EscapeIdentifier(parameter.Name), string.Join(", ", constraints));
        }

        /// <summary>The cref of the method, e.g. <c>Process{T}(global::Ns.Data, T)</c>.</summary>
        private static string Cref(IMethodSymbol method)
        {
            var builder = new StringBuilder(EscapeIdentifier(method.Name));
            if (method.TypeParameters.Length > 0)
            {
                builder.Append('{').Append(string.Join(", ", method.TypeParameters.Select(t => EscapeIdentifier(t.Name)))).Append('}');
            }

            builder.Append('(')
                .Append(string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(CrefFormat).Replace('<', '{').Replace('>', '}'))))
                .Append(')');
            return builder.ToString();
        }

        private static string? ObsoleteArguments(IMethodSymbol method)
        {
            var obsolete = method.GetAttributes().FirstOrDefault(a =>
                a.AttributeClass is { } type && IsNamed(type, "System", "ObsoleteAttribute"));
            if (obsolete is null)
            {
                return null;
            }

            return string.Join(", ", obsolete.ConstructorArguments.Select(argument => argument.Value switch
            {
                string message => SymbolDisplay.FormatLiteral(message, quote: true),
                bool error => error ? "true" : "false",
                _ => "null",
            }));
        }

        private static HierarchyInfo CreateHierarchy(INamedTypeSymbol containingType)
        {
            var types = new List<TypeDeclarationInfo>();
            var metadataName = new StringBuilder();
            bool canHostModuleInitializer = true;
            for (var type = containingType; type is not null; type = type.ContainingType)
            {
                canHostModuleInitializer &= type is { IsGenericType: false, TypeKind: not TypeKind.Interface, DeclaredAccessibility: Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal };
                types.Insert(0, TypeDeclaration(type));
                metadataName.Insert(0, (type.ContainingType is null ? string.Empty : "+") + type.MetadataName);
            }

            var outermost = containingType;
            while (outermost.ContainingType is not null)
            {
                outermost = outermost.ContainingType;
            }

            var ns = outermost.ContainingNamespace;
            string namespaceName = ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString(NamespaceFormat);
            string hintPrefix = string.Empty;
            for (var part = ns; part is { IsGlobalNamespace: false }; part = part.ContainingNamespace)
            {
                hintPrefix = part.MetadataName + "." + hintPrefix;
            }

            return new HierarchyInfo(hintPrefix + metadataName, namespaceName, types.ToEquatableArray(), canHostModuleInitializer);
        }

        private static TypeDeclarationInfo TypeDeclaration(INamedTypeSymbol type)
        {
            var modifiers = new StringBuilder();
            if (type.IsStatic)
            {
                modifiers.Append("static ");
            }

            if (type.IsValueType && type.IsReadOnly)
            {
                modifiers.Append("readonly ");
            }

            if (type.IsRefLikeType)
            {
                modifiers.Append("ref ");
            }

            string kind = type.TypeKind switch
            {
                TypeKind.Struct when type.IsRecord => "record struct",
                TypeKind.Struct => "struct",
                TypeKind.Interface => "interface",
                _ when type.IsRecord => "record",
                _ => "class",
            };
            var typeParameters = type.TypeParameters.Select(t => new TypeParameterInfo(VarianceText(t.Variance), EscapeIdentifier(t.Name)));
            return new TypeDeclarationInfo(modifiers.ToString(), kind, EscapeIdentifier(type.Name), typeParameters.ToEquatableArray());
        }

        private static string VarianceText(VarianceKind variance) => variance switch
        {
            VarianceKind.In => "in ",
            VarianceKind.Out => "out ",
            _ => string.Empty,
        };

        internal static string EscapeIdentifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>
        /// The type as it counts in a signature: no nullable reference annotations or tuple names, and the
        /// method's own type parameters by position (<c>!!0</c>), so that <c>M&lt;T&gt;(T)</c> and <c>N&lt;U&gt;(U)</c> compare equal.
        /// </summary>
        private static string SignatureType(ITypeSymbol type, IMethodSymbol method)
        {
            string display = type.ToDisplayString(SignatureFormat);
            if (method.TypeParameters.Length == 0)
            {
                return display;
            }

            var positions = method.TypeParameters
                .Select((t, i) => (Name: EscapeIdentifier(t.Name), Position: i))
                .ToDictionary(t => t.Name, t => t.Position);
            var builder = new StringBuilder(display.Length);
            int index = 0;
            while (index < display.Length)
            {
                char c = display[index];
                if (!(char.IsLetter(c) || c == '_' || c == '@'))
                {
                    builder.Append(c);
                    index++;
                    continue;
                }

                int start = index;
                while (index < display.Length && (char.IsLetterOrDigit(display[index]) || display[index] is '_' or '@'))
                {
                    index++;
                }

                string token = display.Substring(start, index - start);
                bool qualified = start > 0 && display[start - 1] is '.' or ':';
                builder.Append(!qualified && positions.TryGetValue(token, out int position) ? "!!" + position.ToString(CultureInfo.InvariantCulture) : token);
            }

            return builder.ToString();
        }

        /// <summary>
        /// Signatures (<see cref="WrapperSignatures.Key"/>) of what already answers to the wrapper's name: the
        /// type's own members, members that derived code would hide (base types' non-private members), and
        /// wrappers the generator writes for <c>[Delayed]</c> methods of base types.
        /// A member that is not a method blocks the name entirely.
        /// </summary>
        private static IEnumerable<string> ExistingSignatures(INamedTypeSymbol containingType, string wrapperName)
        {
            var signatures = new SortedSet<string>(StringComparer.Ordinal);
            if (containingType.Name == wrapperName || containingType.TypeParameters.Any(t => t.Name == wrapperName))
            {
                signatures.Add(WrapperSignatures.AnySignature);
            }

            for (var type = containingType; type is not null; type = type.BaseType)
            {
                bool isBase = !SymbolEqualityComparer.Default.Equals(type, containingType);
                foreach (var member in type.GetMembers())
                {
                    if (isBase && member.DeclaredAccessibility == Accessibility.Private)
                    {
                        continue;
                    }

                    if (member.Name == wrapperName)
                    {
                        signatures.Add(member is IMethodSymbol existing ? ExistingSignature(existing) : WrapperSignatures.AnySignature);
                    }
                    else if (isBase && member is IMethodSymbol baseMethod && WrapperName(baseMethod.Name) == wrapperName && HasDelayedAttribute(baseMethod))
                    {
                        // Its wrapper is generated in the base type, where this run cannot see it.
                        signatures.Add(WrapperSignatures.AnySignature);
                    }
                }
            }

            return signatures;
        }

        private static string ExistingSignature(IMethodSymbol existing)
            => WrapperSignatures.Key(
                existing.Name,
                existing.TypeParameters.Length,
                existing.Parameters.Select(p => (p.RefKind == RefKind.None ? string.Empty : "ref ") + SignatureType(p.Type, existing)));
    }
}

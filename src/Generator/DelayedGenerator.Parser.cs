using System.Text;

namespace TaskGraph.Generator;

public sealed partial class DelayedGenerator
{
    /// <summary>
    /// Turns a <c>[Delayed]</c> method into a value-equatable model, or into the diagnostics that explain why it
    /// cannot be wrapped: first every check (<c>Parser.Checks.cs</c>), then, when nothing was reported, the model
    /// (parameters in <c>Parser.Parameters.cs</c>, containing types in <see cref="HierarchyInfo.From"/>).
    /// </summary>
    internal static partial class Parser
    {
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

            var location = LocationInfo.From(method.Locations.FirstOrDefault());
            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                var at = context.TargetNode is ParenthesizedLambdaExpressionSyntax lambda ? lambda.ParameterList.GetLocation() : context.TargetNode.GetLocation();
                var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMethod, LocationInfo.From(at), "lambda", "it is a lambda, which no wrapper can call by name; make it a method of a partial type");
                return new ParseResult(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
            }

            if (IsAlreadyAnError(method, containingType))
            {
                // The compiler reports the broken declaration; a wrapper would only add errors of its own.
                return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            string methodDisplay = method.Name;
            var diagnostics = new List<DiagnosticInfo>();
            void Report(DiagnosticDescriptor descriptor, params string[] arguments)
                => diagnostics.Add(DiagnosticInfo.Create(descriptor, location, [methodDisplay, .. arguments]));

            bool extensible = CheckContainingTypes(method, containingType, Report, cancellationToken);
            var parameters = CheckMethod(method, Report);
            var options = OptionsSpec.From(context.Attributes[0]);
            CheckOptions(options, Report);
            CheckCheckpoint(method, options, Report);
            if (diagnostics.Count > 0 || !extensible)
            {
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            bool oblivious = !context.SemanticModel.GetNullableContext(context.TargetNode.SpanStart).AnnotationsEnabled();
            bool declaredNew = context.TargetNode is MethodDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.NewKeyword);
            // Every method carries its code's version, not only checkpointed ones: a stored result's key includes the keys
            // of the tasks upstream of it, so an edit to a plain method that feeds a checkpointed one must change them.
            // The price: a body edit regenerates the descriptor of the method's type (one small file).
            var spec = CreateSpec(method, containingType, parameters, options, oblivious, declaredNew)
                with { CodeVersion = CodeVersions.Of(context.TargetNode) };
            if (WrapperSignatures.ClashesWithExisting(spec))
            {
                Report(DiagnosticDescriptors.NameClash, containingType.Name, spec.WrapperName, "declared in the type or a base type");
            }
            else if (WrapperSignatures.EarlierClashingSibling(method, containingType, spec) is { } sibling)
            {
                Report(DiagnosticDescriptors.NameClash, containingType.Name, spec.WrapperName, $"the wrapper of [Delayed] method '{sibling}' declared before it");
            }

            return diagnostics.Count > 0
                ? new ParseResult(null, diagnostics.ToEquatableArray())
                : new ParseResult(spec, EquatableArray<DiagnosticInfo>.Empty);
        }

        private static MethodSpec CreateSpec(IMethodSymbol method, INamedTypeSymbol containingType, ImmutableArray<ParameterSpec> parameters, OptionsSpec options, bool oblivious, bool declaredNew)
        {
            var (resultKind, resultType) = ResultShape(method);
            string wrapperName = WrapperName(method.Name, options);
            var hidingKeys = declaredNew ? WrapperSignatures.OverloadKeys(wrapperName, method.TypeParameters.Length, parameters).ToList() : [];
            var existing = WrapperSignatures.Existing(containingType, wrapperName, hidingKeys, out var hidden);
            return new MethodSpec(
                Hierarchy: HierarchyInfo.From(containingType),
                Name: SymbolFormats.EscapeIdentifier(method.Name),
                MetadataName: method.Name,
                WrapperName: wrapperName,
                Id: method.GetDocumentationCommentId() ?? method.Name,
                ContainingTypeDisplay: containingType.ToDisplayString(SymbolFormats.Display),
                ContainingType: containingType.ToDisplayString(SymbolFormats.Type),
                Accessibility: WrapperAccessibility(method.DeclaredAccessibility, containingType).ToKeywords(),
                IsStatic: method.IsStatic,
                IsInValueType: !method.IsStatic && containingType.IsValueType,
                ResultKind: resultKind,
                ResultType: resultType,
                IsNullableOblivious: oblivious,
                ReturnsNullableTask: resultKind is ResultKind.Task or ResultKind.TaskOfResult && method.ReturnNullableAnnotation == NullableAnnotation.Annotated,
                TypeParameters: method.TypeParameters.Select(TypeParameter).ToEquatableArray(),
                Parameters: new EquatableArray<ParameterSpec>(parameters),
                Cref: Cref(method),
                CarriedAttributes: CarriedAttributes(method).ToEquatableArray(),
                Options: options,
                HiddenSignatures: hidden.ToEquatableArray(),
                ExistingSignatures: existing.ToEquatableArray(),
                ReservedNames: containingType.GetMembers().Select(m => m.Name).Where(n => n.StartsWith("__", StringComparison.Ordinal)).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray(),
                CodeVersion: string.Empty);
        }

        /// <summary>The name <c>[Delayed(Name = ...)]</c> gives, else <c>M</c> -> <c>MDelayed</c> with a trailing <c>Async</c> dropped.</summary>
        internal static string WrapperName(string methodName, OptionsSpec options) => WrapperNames.Of(methodName, options.Name);

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
                        return (ResultKind.TaskOfResult, named.TypeArguments[0].ToDisplayString(SymbolFormats.Type));
                    case "ValueTask`1":
                        return (ResultKind.ValueTaskOfResult, named.TypeArguments[0].ToDisplayString(SymbolFormats.Type));
                }
            }

            return (ResultKind.Value, type.ToDisplayString(SymbolFormats.Type));
        }

        /// <summary>The method's accessibility, except that a sealed type has no protected members to add (CS0628): the part that derived types would see goes.</summary>
        private static Accessibility WrapperAccessibility(Accessibility accessibility, INamedTypeSymbol containingType)
            => !containingType.IsSealed ? accessibility
                : accessibility switch
                {
                    Accessibility.Protected or Accessibility.ProtectedAndInternal => Accessibility.Private,
                    Accessibility.ProtectedOrInternal => Accessibility.Internal,
                    _ => accessibility,
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

            constraints.AddRange(parameter.ConstraintTypes.Select(t => t.ToDisplayString(SymbolFormats.Type)));
            if (parameter.HasConstructorConstraint && !parameter.HasValueTypeConstraint)
            {
                constraints.Add("new()");
            }

            return new TypeParameterSpec(SymbolFormats.EscapeIdentifier(parameter.Name), string.Join(", ", constraints));
        }

        /// <summary>The cref of the method, e.g. <c>Process{T}(global::Ns.Data, T)</c>.</summary>
        private static string Cref(IMethodSymbol method)
        {
            var builder = new StringBuilder(SymbolFormats.EscapeIdentifier(method.Name));
            if (method.TypeParameters.Length > 0)
            {
                builder.Append('{').Append(string.Join(", ", method.TypeParameters.Select(t => SymbolFormats.EscapeIdentifier(t.Name)))).Append('}');
            }

            builder.Append('(')
                .Append(string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolFormats.Cref).Replace('<', '{').Replace('>', '}'))))
                .Append(')');
            return builder.ToString();
        }

        /// <summary>
        /// Attributes of the method that say something to its callers, written as the wrapper carries them: callers of
        /// the wrapper get the same warning (with its diagnostic id and URL), and the wrapper's own call of the method
        /// is inside the same obsolete, experimental or trimming-unsafe context, so generated code reports nothing.
        /// </summary>
        private static IEnumerable<string> CarriedAttributes(IMethodSymbol method)
            => method.GetAttributes()
                .Where(attribute => attribute.AttributeClass is { } type && IsCarriedToWrapper(type))
                .Select(attribute => attribute.ToCode());

        private static bool IsCarriedToWrapper(INamedTypeSymbol attribute)
            => attribute.IsNamed("System", "ObsoleteAttribute")
               || (attribute.ContainingType is null
                   && attribute.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.CodeAnalysis"
                   && attribute.Name is "ExperimentalAttribute" or "RequiresUnreferencedCodeAttribute" or "RequiresDynamicCodeAttribute" or "RequiresAssemblyFilesAttribute");
    }
}

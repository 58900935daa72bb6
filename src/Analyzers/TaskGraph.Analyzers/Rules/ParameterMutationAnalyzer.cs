namespace TaskGraph.Analyzers.Rules;

/// <summary>TG1006: a <c>[Delayed]</c> method mutates a parameter, an input other tasks may share.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ParameterMutationAnalyzer : TaskGraphAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.ParameterMutation,
        title: "A [Delayed] method must not mutate its inputs",
        messageFormat: "'{0}' mutates its parameter '{1}': other tasks may hold the same input and run at the same time; copy it and change the copy",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A task's inputs are the results of other tasks and may be shared by several tasks running in parallel. Changing them is a data race and makes results depend on timing.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.ParameterMutation));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, TaskGraphSymbols symbols)
    {
        start.RegisterOperationBlockStartAction(block =>
        {
            if (block.OwningSymbol is IMethodSymbol method && symbols.IsDelayedMethod(method))
            {
                block.RegisterOperationAction(operation => Analyze(operation, method), OperationKind.ParameterReference);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, IMethodSymbol owner)
    {
        var reference = (IParameterReferenceOperation)context.Operation;
        var parameter = reference.Parameter;
        if (parameter.RefKind != RefKind.None
            || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, owner)
            || !Mutations.IsWrittenThrough(reference))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, MutationSyntax(reference).GetLocation(), owner.Name, parameter.Name));
    }

    // The whole write (the assignment or call), which reads better in the IDE than the parameter's name.
    private static SyntaxNode MutationSyntax(IOperation reference)
    {
        var current = reference;
        while (current.Parent is { } parent
               && parent is IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation or IArgumentOperation)
        {
            current = parent;
        }

        return (current.Parent ?? current).Syntax;
    }
}

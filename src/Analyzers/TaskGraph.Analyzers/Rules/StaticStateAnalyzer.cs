namespace TaskGraph.Analyzers.Rules;

/// <summary>TG1007: a <c>[Delayed]</c> method reads or writes mutable static state, which parallel tasks share.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StaticStateAnalyzer : TaskGraphAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.StaticState,
        title: "A [Delayed] method must not use mutable static state",
        messageFormat: "'{0}' uses the mutable static '{1}': tasks run in parallel and in no fixed order, so its value depends on timing; pass the value in as an argument",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Tasks run on several threads in an order the scheduler chooses. Global state read or written by a task makes its result depend on timing and is a data race.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.StaticState));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, TaskGraphSymbols symbols)
    {
        start.RegisterOperationBlockStartAction(block =>
        {
            if (block.OwningSymbol is IMethodSymbol method && symbols.IsDelayedMethod(method))
            {
                block.RegisterOperationAction(
                    operation => Analyze(operation, method),
                    OperationKind.FieldReference,
                    OperationKind.PropertyReference);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, IMethodSymbol owner)
    {
        var member = context.Operation switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true, IsConst: false } field } reference
                when !field.IsReadOnly || Mutations.IsWrittenThrough(reference) => (ISymbol)field,
            IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: not null } property }
                when !property.DeclaringSyntaxReferences.IsEmpty => property,
            IPropertyReferenceOperation { Property.IsStatic: true, Instance: null } reference
                when Mutations.IsWrittenThrough(reference) => reference.Property,
            _ => null,
        };
        if (member is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), owner.Name, member.Name));
        }
    }
}

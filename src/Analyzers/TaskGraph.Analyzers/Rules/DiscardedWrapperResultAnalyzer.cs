namespace TaskGraph.Analyzers.Rules;

/// <summary>TG1008: a wrapper's result is discarded, so its task can never be computed and the method never runs.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DiscardedWrapperResultAnalyzer : TaskGraphAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.DiscardedWrapperResult,
        title: "A discarded wrapper call never runs",
        messageFormat: "The handle returned by '{0}' is discarded, so '{1}' never runs: compute the handle or pass it to a task that uses it",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Calling a wrapper only adds a task to a graph; nothing runs until a handle is computed. A call kept for its side effects does nothing.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.DiscardedWrapperResult));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, TaskGraphSymbols symbols)
    {
        start.RegisterOperationAction(operation => Analyze(operation, symbols), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, TaskGraphSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (IsDiscarded(invocation) && symbols.GetWrappedMethod(invocation.TargetMethod) is { } method)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name, method.Name));
        }
    }

    private static bool IsDiscarded(IInvocationOperation invocation) => invocation.Parent switch
    {
        IExpressionStatementOperation => true,
        ISimpleAssignmentOperation { Target: IDiscardOperation, Parent: IExpressionStatementOperation } => true,
        _ => false,
    };
}

namespace TaskGraph.Analyzers.Rules;

/// <summary>TG1005: a wrapper call or a compute inside a <c>[Delayed]</c> method: a graph built and run inside a task.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DelayedWithinDelayedAnalyzer : TaskGraphAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.DelayedWithinDelayed,
        title: "Do not build or compute graphs inside a [Delayed] method",
        messageFormat: "'{0}' is [Delayed]: calling '{1}' inside it builds or runs a graph inside a task; call the method directly",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A task that builds and computes its own graph blocks a worker while the inner graph runs and hides the inner tasks from the outer scheduler. Call the methods directly inside the task, or build one graph outside.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.DelayedWithinDelayed));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, TaskGraphSymbols symbols)
    {
        start.RegisterOperationBlockStartAction(block =>
        {
            if (block.OwningSymbol is IMethodSymbol method && symbols.IsDelayedMethod(method))
            {
                block.RegisterOperationAction(operation => Analyze(operation, symbols, method), OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, TaskGraphSymbols symbols, IMethodSymbol owner)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var target = invocation.TargetMethod;
        bool report = symbols.IsWrapper(target)
                      // A compute of a wrapper call is reported once, at the wrapper call.
                      || (symbols.IsCompute(target) && !IsWrapperCall(invocation.Instance, symbols));
        if (report)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), owner.Name, target.Name));
        }
    }

    private static bool IsWrapperCall(IOperation? operation, TaskGraphSymbols symbols)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion)
        {
            operation = conversion.Operand;
        }

        return operation is IInvocationOperation call && symbols.IsWrapper(call.TargetMethod);
    }
}

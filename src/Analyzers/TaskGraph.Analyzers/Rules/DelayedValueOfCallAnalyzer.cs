using TaskGraph.Shared;

namespace TaskGraph.Analyzers.Rules;

/// <summary>
/// TG1004: a <c>[Delayed]</c> method's result made into a handle (<c>Delayed.Value(M(x))</c>, or
/// passed where a handle is expected): the method runs now, outside the graph.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DelayedValueOfCallAnalyzer : TaskGraphAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.DelayedValueOfCall,
        title: "Call the wrapper, not the method, to delay it",
        messageFormat: "'{0}' runs now and only its result enters the graph: call '{1}' instead",
        RuleCategories.Usage,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Wrapping the result of a [Delayed] method in a handle runs the method immediately, on the calling thread. Call its generated wrapper so that it runs as a task of the graph.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.DelayedValueOfCall));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, TaskGraphSymbols symbols)
    {
        start.RegisterOperationAction(operation => AnalyzeValue(operation, symbols), OperationKind.Invocation);
        start.RegisterOperationAction(operation => AnalyzeConversion(operation, symbols), OperationKind.Conversion);
    }

    private static void AnalyzeValue(OperationAnalysisContext context, TaskGraphSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (symbols.IsValue(invocation.TargetMethod) && invocation.Arguments.Length == 1)
        {
            Report(context, symbols, invocation.Arguments[0].Value, invocation.Syntax);
        }
    }

    private static void AnalyzeConversion(OperationAnalysisContext context, TaskGraphSymbols symbols)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.OperatorMethod is { } conversionOperator
            && SymbolEqualityComparer.Default.Equals(conversionOperator.ContainingType?.OriginalDefinition, symbols.Handle))
        {
            Report(context, symbols, conversion.Operand, conversion.Operand.Syntax);
        }
    }

    private static void Report(OperationAnalysisContext context, TaskGraphSymbols symbols, IOperation value, SyntaxNode location)
    {
        while (value is IConversionOperation { OperatorMethod: null } conversion)
        {
            value = conversion.Operand;
        }

        if (value is IInvocationOperation call && symbols.GetDelayedAttribute(call.TargetMethod) is { } attribute)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, location.GetLocation(), call.TargetMethod.Name, WrapperNames.Of(call.TargetMethod.Name, attribute)));
        }
    }
}

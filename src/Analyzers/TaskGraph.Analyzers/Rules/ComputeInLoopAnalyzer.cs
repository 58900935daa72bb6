using TaskGraph.Analyzers.Graph;

namespace TaskGraph.Analyzers.Rules;

/// <summary>TG1003: a compute inside a loop on handles built in that loop; one compute after the loop runs the iterations in parallel.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ComputeInLoopAnalyzer : TaskGraphAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.ComputeInLoop,
        title: "Compute once after the loop, not in each iteration",
        messageFormat: "This compute runs once per iteration on handles built in the loop, so the iterations cannot run in parallel: collect the handles and compute them once after the loop",
        RuleCategories.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Computing inside the loop waits for each iteration's graph before building the next. Collecting the handles and computing them together lets independent iterations run at the same time and shares common inputs.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.ComputeInLoop));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, TaskGraphSymbols symbols)
    {
        start.RegisterOperationAction(operation => Analyze(operation, symbols), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, TaskGraphSymbols symbols)
    {
        var compute = (IInvocationOperation)context.Operation;
        if (!symbols.IsCompute(compute.TargetMethod)
            || EnclosingLoop(compute) is not { } loop
            || FeedsNextIteration(compute, loop))
        {
            return;
        }

        var body = loop.Body.Syntax.Span;
        foreach (var call in StaticGraphBuilder.Build(symbols, compute).Calls)
        {
            if (body.Contains(call.Call.Syntax.Span))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, compute.Syntax.GetLocation()));
                return;
            }
        }
    }

    /// <summary>The innermost loop whose body holds <paramref name="operation"/>, not looking past a lambda or local function.</summary>
    internal static ILoopOperation? EnclosingLoop(IOperation operation)
    {
        IOperation child = operation;
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop when loop.Body == child:
                    return loop;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
            }

            child = current;
        }

        return null;
    }

    // A value computed into a local declared outside the loop and read again in it feeds the next
    // iteration (an iterative algorithm): the computes cannot be batched.
    private static bool FeedsNextIteration(IInvocationOperation compute, ILoopOperation loop)
    {
        IOperation result = compute;
        while (result.Parent is IAwaitOperation or IConversionOperation)
        {
            result = result.Parent;
        }

        if (result.Parent is not ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
            || assignment.Value != result
            || loop.Syntax.Span.Contains(target.Local.DeclaringSyntaxReferences.Length > 0 ? target.Local.DeclaringSyntaxReferences[0].Span : default))
        {
            return false;
        }

        foreach (var operation in loop.Descendants())
        {
            if (operation is ILocalReferenceOperation read && read != target && SymbolEqualityComparer.Default.Equals(read.Local, target.Local))
            {
                return true;
            }
        }

        return false;
    }
}

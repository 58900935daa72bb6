using TaskGraph.Analyzers.Graph;

namespace TaskGraph.Analyzers.Rules;

/// <summary>TG1001: the computed graph is a chain, so no two tasks can run at the same time and plain calls are faster.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SequentialGraphAnalyzer : TaskGraphAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.SequentialGraph,
        title: "The computed graph is a chain: plain calls are faster",
        messageFormat: "The graph computed here is a chain of {0} task(s): no two can run at the same time, so calling the methods directly is faster",
        RuleCategories.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Each task of the graph depends on the one before it, so the scheduler can only run them one after another and adds its own cost to each. Call the methods directly instead.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.SequentialGraph));

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
        if (!symbols.IsCompute(compute.TargetMethod))
        {
            return;
        }

        var graph = StaticGraphBuilder.Build(symbols, compute);
        if (!graph.IsComplete || graph.Calls.IsEmpty || !graph.IsChain())
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, compute.Syntax.GetLocation(), CallLocations(graph), graph.TaskCount));
    }

    /// <summary>The wrapper calls of <paramref name="graph"/>, which the code fix rewrites into direct calls.</summary>
    internal static IEnumerable<Location> CallLocations(StaticGraph graph)
    {
        foreach (var call in graph.Calls)
        {
            yield return call.Call.Syntax.GetLocation();
        }
    }
}

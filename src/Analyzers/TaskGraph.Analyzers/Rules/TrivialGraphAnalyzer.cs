using TaskGraph.Analyzers.Graph;

namespace TaskGraph.Analyzers.Rules;

/// <summary>
/// TG1002: the computed graph is small and every task is trivially cheap, so scheduling costs more
/// than the work. "Small" is <c>taskgraph.TG1002.max_tasks</c> in <c>.editorconfig</c> (default
/// <see cref="DefaultMaxTasks"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrivialGraphAnalyzer : TaskGraphAnalyzer
{
    /// <summary>The largest graph reported when <c>.editorconfig</c> does not set <c>taskgraph.TG1002.max_tasks</c>.</summary>
    public const int DefaultMaxTasks = 16;

    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.TrivialGraph,
        title: "The computed graph is too cheap to gain from parallelism",
        messageFormat: "The graph computed here has {0} task(s) and each is trivially cheap: scheduling them costs more than the work, so calling the methods directly is faster",
        RuleCategories.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Scheduling a task costs around a microsecond and starting a parallel compute several; a method that only does a little arithmetic or string work runs in nanoseconds. Call such methods directly.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.TrivialGraph));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, TaskGraphSymbols symbols)
    {
        var costs = new CostModel(symbols);
        start.RegisterOperationAction(operation => Analyze(operation, symbols, costs), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, TaskGraphSymbols symbols, CostModel costs)
    {
        var compute = (IInvocationOperation)context.Operation;
        if (!symbols.IsCompute(compute.TargetMethod))
        {
            return;
        }

        var graph = StaticGraphBuilder.Build(symbols, compute);
        int maxTasks = TaskGraphOptions.GetPositiveInt(context.Options, compute.Syntax.SyntaxTree, DiagnosticIds.TrivialGraph, "max_tasks", DefaultMaxTasks);
        // A chain is TG1001's to report.
        if (!graph.IsComplete || graph.Calls.IsEmpty || graph.TaskCount > maxTasks || graph.IsChain())
        {
            return;
        }

        foreach (var call in graph.Calls)
        {
            if (!costs.IsTriviallyCheap(call.Method, context.CancellationToken))
            {
                return;
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, compute.Syntax.GetLocation(), SequentialGraphAnalyzer.CallLocations(graph), graph.TaskCount));
    }
}

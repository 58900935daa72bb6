using TaskGraph.Analyzers.Graph;

namespace TaskGraph.Analyzers.Rules;

/// <summary>
/// TG1010: a wrapper of a trivially cheap method called in a loop of unknown or large trip count: one
/// task per item costs more than the item's work; batch items into fewer tasks. "Large" is
/// <c>taskgraph.TG1010.min_iterations</c> in <c>.editorconfig</c> (default <see cref="DefaultMinIterations"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TooManyTasksAnalyzer : TaskGraphAnalyzer
{
    /// <summary>The smallest constant trip count reported when <c>.editorconfig</c> does not set one.</summary>
    public const int DefaultMinIterations = 100;

    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.TooManyTasks,
        title: "Batch trivially cheap work instead of one task per item",
        messageFormat: "'{0}' is trivially cheap and is called here once per loop iteration: a task per item costs more than its work; make each task process a batch of items",
        RuleCategories.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Every task costs scheduling time and memory. For cheap work over many items, give each task a slice of the items (a few per core) instead of one item.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.TooManyTasks));

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
        var invocation = (IInvocationOperation)context.Operation;
        if (symbols.GetWrappedMethod(invocation.TargetMethod) is not { } method)
        {
            return;
        }

        int minIterations = TaskGraphOptions.GetPositiveInt(context.Options, invocation.Syntax.SyntaxTree, DiagnosticIds.TooManyTasks, "min_iterations", DefaultMinIterations);
        if (RunsManyTimes(invocation, minIterations) && costs.IsTriviallyCheap(method, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), method.Name));
        }
    }

    // Whether the loops around the call (statements, or lambdas given to LINQ's per-item operators)
    // run it an unknown number of times or at least minIterations times.
    private static bool RunsManyTimes(IOperation operation, int minIterations)
    {
        long runs = 1;
        bool inLoop = false;
        IOperation child = operation;
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop when loop.Body == child:
                    inLoop = true;
                    if (LoopTripCount.Of(loop) is not { } count)
                    {
                        return true;
                    }

                    runs *= count;
                    if (runs >= minIterations)
                    {
                        return true;
                    }

                    break;
                case IAnonymousFunctionOperation lambda:
                    // A lambda given to a per-item LINQ operator runs once per item of its source.
                    if (PerItemCall(lambda) is not { } call)
                    {
                        return false;
                    }

                    inLoop = true;
                    if (call.Arguments.Length == 0 || LoopTripCount.OfConstantSequence(call.Arguments[0].Value) is not { } items)
                    {
                        return true;
                    }

                    runs *= items;
                    if (runs >= minIterations)
                    {
                        return true;
                    }

                    break;
                case ILocalFunctionOperation:
                    return false;
            }

            child = current;
        }

        return inLoop && runs >= minIterations;
    }

    // The LINQ call (Select, Where, ...) that runs the lambda per item of its first argument, if any.
    private static IInvocationOperation? PerItemCall(IAnonymousFunctionOperation lambda)
    {
        IOperation current = lambda;
        while (current.Parent is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IArgumentOperation { Parent: IInvocationOperation call }
               && call.TargetMethod.ContainingType?.ToDisplayString() is "System.Linq.Enumerable" or "System.Linq.ParallelEnumerable"
            ? call
            : null;
    }
}

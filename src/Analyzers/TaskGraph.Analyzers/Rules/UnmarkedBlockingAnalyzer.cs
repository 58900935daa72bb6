namespace TaskGraph.Analyzers.Rules;

/// <summary>TG1009: a <c>[Delayed]</c> method blocks its thread but is not marked <c>Blocking = true</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnmarkedBlockingAnalyzer : TaskGraphAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.UnmarkedBlocking,
        title: "Mark [Delayed] methods that block with Blocking = true",
        messageFormat: "'{0}' blocks its thread in '{1}': mark it [Delayed(Blocking = true)] so it runs outside the CPU-sized pool, or use the asynchronous form",
        RuleCategories.Performance,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The parallel scheduler sizes its pool to the CPU. A task that sleeps, waits or does synchronous I/O holds one of those threads doing nothing, so other ready tasks wait. Blocking = true runs it outside that pool.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.UnmarkedBlocking));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, TaskGraphSymbols symbols)
    {
        start.RegisterOperationBlockStartAction(block =>
        {
            if (block.OwningSymbol is IMethodSymbol method && symbols.IsDelayedMethod(method) && !symbols.IsMarkedBlocking(method))
            {
                block.RegisterOperationAction(
                    operation => Analyze(operation, method),
                    OperationKind.Invocation,
                    OperationKind.PropertyReference);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, IMethodSymbol owner)
    {
        var blocking = context.Operation switch
        {
            IInvocationOperation invocation when BlockingCalls.IsBlocking(invocation.TargetMethod) => (ISymbol)invocation.TargetMethod,
            IPropertyReferenceOperation reference when BlockingCalls.IsBlocking(reference.Property) => reference.Property,
            _ => null,
        };
        if (blocking is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Rule, context.Operation.Syntax.GetLocation(), owner.Name, blocking.ContainingType.Name + "." + blocking.Name));
        }
    }
}

namespace TaskGraph.Analyzers.Rules;

/// <summary>
/// How every TaskGraph rule starts: concurrent, generated code skipped, and nothing registered for a
/// compilation that does not reference TaskGraph, so projects without it pay nothing.
/// </summary>
public abstract class TaskGraphAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (TaskGraphSymbols.TryCreate(start.Compilation) is { } symbols)
            {
                RegisterActions(start, symbols);
            }
        });
    }

    /// <summary>Registers the rule's actions for a compilation that references TaskGraph.</summary>
    private protected abstract void RegisterActions(CompilationStartAnalysisContext start, TaskGraphSymbols symbols);
}

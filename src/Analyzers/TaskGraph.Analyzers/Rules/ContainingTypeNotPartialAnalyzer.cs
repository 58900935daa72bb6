using TaskGraph.Shared;

namespace TaskGraph.Analyzers.Rules;

/// <summary>
/// TG0001: a <c>[Delayed]</c> method in a type that is not <c>partial</c> (or nested in one), so the generator
/// cannot add its wrapper. Reported here rather than by the generator so that IDEs and <c>dotnet format</c>,
/// which run analyzers and their fixers, reach the code fix that adds <c>partial</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContainingTypeNotPartialAnalyzer : TaskGraphAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = new(
        DiagnosticIds.ContainingTypeMustBePartial,
        title: "The type containing a [Delayed] method must be partial",
        messageFormat: "Method '{0}' cannot get a lazy wrapper: its containing type '{1}' is not declared partial",
        RuleCategories.Usage,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds the lazy wrapper to the type that declares the method, in a file of its own; C# allows that only when the type and every type around it are partial.",
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.ContainingTypeMustBePartial));

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, TaskGraphSymbols symbols)
    {
        start.RegisterSymbolAction(
            context =>
            {
                var method = (IMethodSymbol)context.Symbol;
                if (method.ContainingType is { TypeKind: not TypeKind.Interface }
                    && symbols.IsDelayedMethod(method)
                    && PartialDeclarations.FirstNonPartialContainer(method, context.CancellationToken) is { } type)
                {
                    foreach (var location in method.Locations)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rule, location, method.Name, type.Name));
                    }
                }
            },
            SymbolKind.Method);
    }
}

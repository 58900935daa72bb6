using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using TaskGraph.Testing;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>
/// Runs the generator, every analyzer and (on request) every code fix over a variant and checks the
/// promises that hold for any input, however broken: nothing throws, and generated code adds no error
/// to code whose syntax is whole. Diagnostics are taken from the seed's focus files and the generated
/// files only (see <see cref="FuzzSeed.FocusPaths"/>).
/// </summary>
internal sealed class VariantCheck
{
    // The compiler's "generator failed to initialize / threw" and the generator's own "generator failed".
    private static readonly ImmutableHashSet<string> GeneratorFailureIds = ImmutableHashSet.Create("CS8784", "CS8785", "TG0099");

    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly ImmutableArray<CodeFixProvider> fixers;

    /// <summary>Analyzers and fixers are stateless, so one set serves every variant, in parallel.</summary>
    public VariantCheck(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
    {
        this.analyzers = analyzers;
        this.fixers = fixers;
    }

    public async Task<VariantOutcome> RunAsync(FuzzVariant variant, bool withCodeFixes, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        try
        {
            var run = GeneratorRun.Start(variant.Input);
            if (run.Result.Exception is { } exception)
            {
                failures.Add($"The generator threw: {exception}");
            }

            failures.AddRange(run.GeneratorDiagnostics.Concat(run.Result.Diagnostics)
                .Where(d => GeneratorFailureIds.Contains(d.Id))
                .Select(d => $"The generator failed: {d}"));

            bool hasSyntaxErrors = variant.Input.SyntaxTrees.Any(tree => tree.GetDiagnostics(cancellationToken).Any(IsError));
            var generated = run.Result.GeneratedSources;
            var focus = FocusTrees(run.Output, variant.Seed, generated.Select(s => s.SyntaxTree)).ToList();
            // Code with a syntax error cannot compile and is owed nothing by the generated code: binding it is skipped.
            var compilerDiagnostics = hasSyntaxErrors
                ? new Dictionary<SyntaxTree, ImmutableArray<Diagnostic>>()
                : focus.ToDictionary(tree => tree, tree => run.Output.GetSemanticModel(tree).GetDiagnostics(cancellationToken: cancellationToken));
            bool compiled = !hasSyntaxErrors && !compilerDiagnostics.Values.SelectMany(d => d).Any(IsError);
            if (!hasSyntaxErrors)
            {
                failures.AddRange(GeneratedCodeProblems(generated, compilerDiagnostics, compiled));
            }

            var analysis = await AnalyzeAsync(run.Output, focus, cancellationToken).ConfigureAwait(false);
            failures.AddRange(analysis.Exceptions.Select(e => $"Analyzer {e.Analyzer.GetType().Name} threw (AD0001): {e.Exception}"));
            failures.AddRange(analysis.Diagnostics.Where(d => d.Id == "AD0001").Select(d => $"AD0001: {d}"));

            int? fixesApplied = withCodeFixes ? await ApplyCodeFixesAsync(variant, failures, cancellationToken).ConfigureAwait(false) : null;
            return new VariantOutcome(
                variant,
                failures.ToImmutableArray(),
                hasSyntaxErrors,
                compiled,
                run.GeneratorDiagnostics.Length,
                analysis.Diagnostics.Select(d => d.Id).ToImmutableArray(),
                fixesApplied);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failures.Add($"Checking the variant threw: {exception}");
            return new VariantOutcome(variant, failures.ToImmutableArray(), false, false, 0, ImmutableArray<string>.Empty, null);
        }
    }

    private static IEnumerable<SyntaxTree> FocusTrees(Compilation compilation, FuzzSeed seed, IEnumerable<SyntaxTree> generated)
        => compilation.SyntaxTrees.Where(tree => seed.FocusPaths.Contains(tree.FilePath)).Concat(generated).Distinct();

    // A user's type that shadows one of the runtime's (the broken corpus declares its own
    // TaskGraph.Infrastructure.DelayedWrapperAttribute) makes every use of that name warn; the conflict is the user's.
    private const string SourceTypeShadowsImportedType = "CS0436";

    /// <summary>
    /// Errors in generated files fail whenever the input's syntax is whole (the generator must not emit
    /// code for declarations the compiler already rejects); warnings in generated files fail when the
    /// variant compiles, as generated code must build under TreatWarningsAsErrors.
    /// </summary>
    private static IEnumerable<string> GeneratedCodeProblems(
        ImmutableArray<GeneratedSourceResult> generated,
        Dictionary<SyntaxTree, ImmutableArray<Diagnostic>> compilerDiagnostics,
        bool compiled)
    {
        foreach (var source in generated)
        {
            var problems = compilerDiagnostics[source.SyntaxTree]
                .Where(d => IsError(d) || (compiled && d.Severity == DiagnosticSeverity.Warning && d.Id != SourceTypeShadowsImportedType))
                .ToList();
            if (problems.Count > 0)
            {
                yield return $"Generated file {source.HintName} does not compile:{Environment.NewLine}{TestCompilation.Describe(problems)}{Environment.NewLine}--- {source.HintName} ---{Environment.NewLine}{source.SourceText}";
            }
        }
    }

    /// <summary>
    /// Every analyzer over <paramref name="trees"/> of <paramref name="compilation"/>, as the IDE analyzes
    /// open documents; exceptions are collected as <see cref="AnalyzerRun"/> collects them.
    /// </summary>
    private async Task<AnalyzerRun> AnalyzeAsync(Compilation compilation, IReadOnlyCollection<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        var exceptions = new ConcurrentQueue<(DiagnosticAnalyzer, Exception)>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, EditorConfigOptions.Empty),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue((analyzer, exception)),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        if (trees.Count == compilation.SyntaxTrees.Count())
        {
            // The whole compilation in one go costs less than tree by tree.
            var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            return new AnalyzerRun(all, exceptions.ToImmutableArray());
        }

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var tree in trees)
        {
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false));
            diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, cancellationToken).ConfigureAwait(false));
        }

        return new AnalyzerRun(diagnostics.ToImmutable(), exceptions.ToImmutableArray());
    }

    /// <summary>
    /// Offers every analyzer diagnostic in the variant's focus documents to every fixer of its id, as the
    /// IDE's light bulb does, and computes each action's changed documents in full; returns how many
    /// actions were applied.
    /// </summary>
    private async Task<int> ApplyCodeFixesAsync(FuzzVariant variant, List<string> failures, CancellationToken cancellationToken)
    {
        var project = CodeFixRun.CreateProject(variant.Sources);
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var analysis = await AnalyzeAsync(compilation, FocusTrees(compilation, variant.Seed, Array.Empty<SyntaxTree>()).ToList(), cancellationToken).ConfigureAwait(false);
        int applied = 0;
        foreach (var diagnostic in analysis.Diagnostics)
        {
            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    foreach (CodeAction action in await new CodeFixRun(fixer, analyzers).GetActionsAsync(project, diagnostic).ConfigureAwait(false))
                    {
                        foreach (var change in (await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false)).OfType<ApplyChangesOperation>())
                        {
                            // Reading the changed documents' text forces the fix's whole rewrite, where a fixer would throw.
                            foreach (var document in change.ChangedSolution.GetChanges(project.Solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
                            {
                                await change.ChangedSolution.GetDocument(document)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                            }

                            applied++;
                        }
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failures.Add($"Code fix {fixer.GetType().Name} threw on {diagnostic}: {exception}");
                }
            }
        }

        return applied;
    }

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;
}

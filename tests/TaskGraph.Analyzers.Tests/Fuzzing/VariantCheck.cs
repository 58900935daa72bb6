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
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    private readonly CodeFixCheck codeFixes;

    /// <summary>Analyzers and fixers are stateless, so one set serves every variant, in parallel.</summary>
    public VariantCheck(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
    {
        this.analyzers = analyzers;
        codeFixes = new CodeFixCheck(analyzers, fixers);
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

            failures.AddRange(run.GeneratorDiagnostics.Concat(run.Result.Diagnostics).Distinct()
                .Where(d => GeneratorFailureIds.Contains(d.Id))
                .Select(d => $"The generator failed: {d}"));

            bool hasSyntaxErrors = variant.Input.SyntaxTrees.Any(tree => tree.GetDiagnostics(cancellationToken).Any(IsError));
            var generated = run.Result.GeneratedSources;
            var focus = FocusedAnalysis.FocusTrees(run.Output, variant.Seed, generated.Select(s => s.SyntaxTree));
            bool compiled = false;
            if (!hasSyntaxErrors && !DeclaresRuntimeNamespace(variant.Input, cancellationToken))
            {
                // Code with a syntax error cannot compile and is owed nothing by the generated code, so only whole code is bound here.
                var compilerDiagnostics = focus.ToDictionary(tree => tree, tree => run.Output.GetSemanticModel(tree).GetDiagnostics(cancellationToken: cancellationToken));
                compiled = !compilerDiagnostics.Values.SelectMany(d => d).Any(IsError);
                failures.AddRange(GeneratedCodeProblems(generated, compilerDiagnostics, compiled));
            }

            var analysis = await FocusedAnalysis.RunAsync(run.Output, focus, analyzers, cancellationToken).ConfigureAwait(false);
            failures.AddRange(analysis.Exceptions.Select(e => $"Analyzer {e.Analyzer.GetType().Name} threw (AD0001): {e.Exception}"));
            failures.AddRange(analysis.Diagnostics.Where(d => d.Id == "AD0001").Select(d => $"AD0001: {d}"));

            int? fixesApplied = withCodeFixes ? await codeFixes.RunAsync(variant, failures, cancellationToken).ConfigureAwait(false) : null;
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

    /// <summary>
    /// Whether the input declares types of its own in the runtime's namespace (the broken corpus has a fake
    /// <c>TaskGraph.Infrastructure.DelayedWrapperAttribute</c>): generated code then binds to the user's types,
    /// and what it makes of them is the user's conflict, not the generator's.
    /// </summary>
    private static bool DeclaresRuntimeNamespace(Compilation input, CancellationToken cancellationToken)
        => input.SyntaxTrees.Any(tree => tree.GetRoot(cancellationToken).DescendantNodes()
            .OfType<BaseNamespaceDeclarationSyntax>()
            .Any(n => n.Name.ToString() is "TaskGraph" || n.Name.ToString().StartsWith("TaskGraph.", StringComparison.Ordinal)));

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
                .Where(d => IsError(d) || (compiled && d.Severity == DiagnosticSeverity.Warning))
                .ToList();
            if (problems.Count > 0)
            {
                yield return $"Generated file {source.HintName} does not compile:{Environment.NewLine}{TestCompilation.Describe(problems)}{Environment.NewLine}--- {source.HintName} ---{Environment.NewLine}{source.SourceText}";
            }
        }
    }

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;
}

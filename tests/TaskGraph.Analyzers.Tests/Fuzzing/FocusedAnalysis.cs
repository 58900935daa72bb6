using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TaskGraph.Testing;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>
/// Every analyzer over chosen files of a compilation, as the IDE analyzes open documents: a variant's
/// focus files and generated files (see <see cref="FuzzSeed.FocusPaths"/>). Exceptions are collected
/// as <see cref="AnalyzerRun"/> collects them.
/// </summary>
internal static class FocusedAnalysis
{
    /// <summary>The trees of <paramref name="compilation"/> that belong to the seed's focus files, then <paramref name="generated"/>.</summary>
    public static IReadOnlyCollection<SyntaxTree> FocusTrees(Compilation compilation, FuzzSeed seed, IEnumerable<SyntaxTree> generated)
        => compilation.SyntaxTrees.Where(tree => seed.FocusPaths.Contains(tree.FilePath)).Concat(generated).Distinct().ToList();

    public static async Task<AnalyzerRun> RunAsync(
        Compilation compilation,
        IReadOnlyCollection<SyntaxTree> trees,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        CancellationToken cancellationToken)
    {
        var exceptions = new ConcurrentQueue<(DiagnosticAnalyzer, Exception)>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, EditorConfigOptions.Empty),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue((analyzer, exception)),
                // Variants already run in parallel; one thread per variant wastes nothing.
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
}

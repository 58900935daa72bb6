using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TaskGraph.Testing;

/// <summary>The diagnostics analyzers reported over a compilation, and every exception they threw.</summary>
/// <param name="Diagnostics">The analyzers' diagnostics, sorted by position.</param>
/// <param name="Exceptions">Exceptions thrown inside analyzers (each would be an AD0001 in the IDE), with the analyzer.</param>
public sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<(DiagnosticAnalyzer Analyzer, Exception Exception)> Exceptions)
{
    /// <summary>
    /// Runs <paramref name="analyzers"/> over <paramref name="compilation"/> through
    /// <see cref="CompilationWithAnalyzers"/>, as the compiler and the IDE do, with
    /// <paramref name="options"/> as the <c>.editorconfig</c> settings.
    /// </summary>
    public static async Task<AnalyzerRun> RunAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerConfigOptionsProvider? options = null,
        CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<(DiagnosticAnalyzer, Exception)>();
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options ?? EditorConfigOptions.Empty);
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue((analyzer, exception)),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var sorted = diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AnalyzerRun(sorted, exceptions.ToImmutableArray());
    }

    /// <summary>Every analyzer exception, formatted for an assertion message.</summary>
    public string DescribeExceptions()
        => string.Join(Environment.NewLine + Environment.NewLine, Exceptions.Select(e => $"{e.Analyzer.GetType().Name}: {e.Exception}"));
}

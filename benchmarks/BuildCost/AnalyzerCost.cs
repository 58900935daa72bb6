using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TaskGraph.Testing;
using static TaskGraph.Benchmarking.Measure;

namespace BuildCost;

/// <summary>
/// The compiler in-process on the 1,000 methods: compiling them (Emit) without TaskGraph, with
/// TaskGraph's generated code, and with pipelines that build graphs; and the analyzers' own execution
/// time (CompilationWithAnalyzers telemetry) on the last, against its compile.
/// </summary>
internal static class AnalyzerCost
{
    private static readonly (string Name, Func<Compilation> Create)[] Compiles =
    {
        ("without TaskGraph (same methods, direct calls)", () => BuildCompilation.Create(GeneratedProject.Sources(ProjectVariant.WithoutTaskGraph))),
        ("with TaskGraph's generated code, pipelines still direct calls", () => BuildCompilation.WithGeneratedCode(BuildCompilation.Create(GeneratedProject.Sources(ProjectVariant.FullTaskGraph, graphPipelines: false)))),
        ("with TaskGraph: generated code, pipelines build graphs", FullCompilation),
        ("the same, documentation comments checked (GenerateDocumentationFile)", () => GeneratorRun.Start(TestCompilation.Create(GeneratedProject.Sources(ProjectVariant.FullTaskGraph))).Output),
    };

    /// <summary>Runs and reports; false when an analyzer threw.</summary>
    public static async Task<bool> RunAsync(int runs, TextWriter output)
    {
        ImmutableArray<DiagnosticAnalyzer> analyzers = typeof(TaskGraph.Analyzers.DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        output.WriteLine(Invariant($"Compiler in-process (Emit; fresh compilations, generator output included; median of {runs} after a warm-up); load average {LoadAverage():F2}"));

        var compileTimes = Compiles.Select(_ => new List<double>()).ToArray();
        var compileProcessorTimes = Compiles.Select(_ => new List<double>()).ToArray();
        var analyzerTimes = new List<double>();
        var perAnalyzer = analyzers.ToDictionary(a => a.GetType().Name, _ => new List<double>());
        ImmutableArray<Diagnostic> diagnostics = ImmutableArray<Diagnostic>.Empty;
        for (int i = 0; i <= runs; i++)
        {
            // The first round warms up the JIT (the analyzers' and the compiler's) and is not counted.
            bool counted = i > 0;
            for (int c = 0; c < Compiles.Length; c++)
            {
                Compilation compilation = Compiles[c].Create();
                TimeSpan compile = TimeSpan.Zero;
                TimeSpan compileProcessor = ProcessorTime(() => compile = Time(() => compilation.Emit(Stream.Null)));
                if (counted)
                {
                    compileTimes[c].Add(compile.TotalMilliseconds);
                    compileProcessorTimes[c].Add(compileProcessor.TotalMilliseconds);
                }
            }

            var exceptions = new ConcurrentQueue<(DiagnosticAnalyzer Analyzer, Exception Exception)>();
            var withAnalyzers = FullCompilation().WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue((analyzer, exception)),
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: true,
                    reportSuppressedDiagnostics: false));
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            if (!exceptions.IsEmpty)
            {
                output.WriteLine($"  FAILED: {exceptions.First().Analyzer.GetType().Name} threw: {exceptions.First().Exception}");
                return false;
            }

            double total = 0;
            foreach (DiagnosticAnalyzer analyzer in analyzers)
            {
                double milliseconds = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
                total += milliseconds;
                if (counted)
                {
                    perAnalyzer[analyzer.GetType().Name].Add(milliseconds);
                }
            }

            if (counted)
            {
                analyzerTimes.Add(total);
            }
        }

        double baseline = Median(compileTimes[0]);
        double processorBaseline = Median(compileProcessorTimes[0]);
        for (int c = 0; c < Compiles.Length; c++)
        {
            output.WriteLine(Invariant($"  compile {Compiles[c].Name,-70} {Median(compileTimes[c]),6:F0} ms ({Median(compileTimes[c]) / baseline:F2}x); CPU {Median(compileProcessorTimes[c]),6:F0} ms ({Median(compileProcessorTimes[c]) / processorBaseline:F2}x)"));
        }

        double full = Median(compileTimes[2]);
        double fullProcessor = Median(compileProcessorTimes[2]);
        string reported = string.Join(", ", diagnostics.Where(d => d.Id.StartsWith("TG", StringComparison.Ordinal)).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));
        output.WriteLine(Invariant($"Analyzers in-process ({analyzers.Length} analyzers, sequential analysis, median of {runs}); reported {reported}"));
        output.WriteLine(Invariant($"  their execution time (CompilationWithAnalyzers telemetry): {Median(analyzerTimes):F0} ms = {Median(analyzerTimes) / full:P1} of the compile's wall time with TaskGraph, {Median(analyzerTimes) / fullProcessor:P1} of its CPU time"));
        foreach (var (name, times) in perAnalyzer.OrderByDescending(pair => Median(pair.Value)).Take(4))
        {
            output.WriteLine(Invariant($"    {name}: {Median(times):F0} ms"));
        }

        return true;
    }

    private static Compilation FullCompilation()
        => BuildCompilation.WithGeneratedCode(BuildCompilation.Create(GeneratedProject.Sources(ProjectVariant.FullTaskGraph)));
}

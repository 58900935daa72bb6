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
/// The analyzers in-process on the 1,000 methods with their generated wrappers: each analyzer's own
/// execution time (CompilationWithAnalyzers telemetry) against compiling the same code (Emit), and that
/// compile against the same methods compiled without TaskGraph.
/// </summary>
internal static class AnalyzerCost
{
    /// <summary>Runs and reports; false when an analyzer threw.</summary>
    public static async Task<bool> RunAsync(int runs, TextWriter output)
    {
        ImmutableArray<DiagnosticAnalyzer> analyzers = typeof(TaskGraph.Analyzers.DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var sources = GeneratedProject.Sources(ProjectVariant.FullTaskGraph);
        output.WriteLine(Invariant($"Analyzers, in-process ({analyzers.Length} analyzers, sequential analysis) on the same project with its generated wrappers; load average {LoadAverage():F2}"));

        var compileTimes = new List<double>();
        var plainCompileTimes = new List<double>();
        var plainSources = GeneratedProject.Sources(ProjectVariant.WithoutTaskGraph);
        var analyzerTimes = new List<double>();
        var perAnalyzer = analyzers.ToDictionary(a => a.GetType().Name, _ => new List<double>());
        ImmutableArray<Diagnostic> diagnostics = ImmutableArray<Diagnostic>.Empty;
        for (int i = 0; i <= runs; i++)
        {
            // Fresh compilations each time: nothing bound by one measurement helps the next.
            Compilation compilation = GeneratorRun.Start(TestCompilation.Create(sources)).Output;
            TimeSpan compile = Time(() => compilation.Emit(Stream.Null));
            Compilation plain = TestCompilation.Create(plainSources);
            TimeSpan plainCompile = Time(() => plain.Emit(Stream.Null));

            var exceptions = new ConcurrentQueue<(DiagnosticAnalyzer Analyzer, Exception Exception)>();
            var withAnalyzers = GeneratorRun.Start(TestCompilation.Create(sources)).Output.WithAnalyzers(
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
                if (i > 0)
                {
                    perAnalyzer[analyzer.GetType().Name].Add(milliseconds);
                }
            }

            // The first round warms up the JIT (the analyzers' and the compiler's) and is not counted.
            if (i > 0)
            {
                compileTimes.Add(compile.TotalMilliseconds);
                plainCompileTimes.Add(plainCompile.TotalMilliseconds);
                analyzerTimes.Add(total);
            }
        }

        string reported = string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));
        output.WriteLine($"  diagnostics reported: {reported}");
        output.WriteLine(Invariant($"  compile without TaskGraph (same methods, direct calls; Emit; median of {runs}): {Median(plainCompileTimes),8:F0} ms"));
        output.WriteLine(Invariant($"  compile with TaskGraph (Emit, generated code included; median of {runs}): {Median(compileTimes),8:F0} ms ({Median(compileTimes) / Median(plainCompileTimes):F2}x)"));
        output.WriteLine(Invariant($"  all TaskGraph analyzers (execution time, median of {runs}):  {Median(analyzerTimes),8:F0} ms = {Median(analyzerTimes) / Median(compileTimes):P1} of the compile"));
        foreach (var (name, times) in perAnalyzer.OrderByDescending(pair => Median(pair.Value)).Take(4))
        {
            output.WriteLine(Invariant($"    {name}: {Median(times):F0} ms"));
        }

        return true;
    }
}

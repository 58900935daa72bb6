using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>
/// The generator and the analyzers never throw, whatever the code being typed: token-level mutations of
/// the samples and of every test input (deleted, duplicated and swapped tokens) go through the generator,
/// every analyzer and, for one variant in <see cref="FuzzSettings.CodeFixEvery"/>, every code fix. Each
/// variant follows from its seed, so a failure prints the seed and source that reproduce it.
/// </summary>
public sealed class MutationFuzzTests
{
    // A failure message shows this many failing variants in full; the rest are counted.
    private const int FailuresShown = 3;

    private readonly ITestOutputHelper output;

    public MutationFuzzTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task Generator_analyzers_and_code_fixes_survive_mutated_code()
    {
        var seeds = FuzzSeeds.Instance;
        var check = new VariantCheck(AllAnalyzers.Create(), AllCodeFixes.Create());
        int[] variantSeeds = FuzzSettings.Reproduce is int one
            ? new[] { one }
            : Enumerable.Range(0, FuzzSettings.Variants).Select(i => FuzzSettings.BaseSeed + i).ToArray();

        var stopwatch = Stopwatch.StartNew();
        var outcomes = new VariantOutcome[variantSeeds.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, variantSeeds.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (i, cancellationToken) =>
            {
                bool withCodeFixes = variantSeeds.Length == 1 || i % FuzzSettings.CodeFixEvery == 0;
                outcomes[i] = await check.RunAsync(seeds.Variant(variantSeeds[i]), withCodeFixes, cancellationToken);
            });
        stopwatch.Stop();

        output.WriteLine(Summary(seeds, outcomes, stopwatch.Elapsed));
        var failed = outcomes.Where(o => !o.Failures.IsEmpty).ToList();
        foreach (var outcome in failed.Take(FailuresShown))
        {
            output.WriteLine(Describe(outcome));
        }

        Assert.True(
            failed.Count == 0,
            $"{failed.Count} of {outcomes.Length} variants broke a promise; the first:{Environment.NewLine}{string.Join(Environment.NewLine, failed.Take(FailuresShown).Select(Describe))}");
    }

    private static string Summary(FuzzSeeds seeds, VariantOutcome[] outcomes, TimeSpan elapsed)
    {
        var fixedVariants = outcomes.Where(o => o.CodeFixesApplied is not null).ToList();
        var byId = outcomes.SelectMany(o => o.AnalyzerDiagnostics)
            .GroupBy(id => id)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} x{g.Count()}");
        return new StringBuilder()
            .AppendLine($"Seeds: {seeds.Samples.Length} samples, {seeds.Inputs.Length} test inputs ({seeds.CleanInputs.Length} compile, {seeds.BrokenInputs.Length} do not)")
            .AppendLine($"Variants tried: {outcomes.Length} ({outcomes.Count(o => o.Variant.Seed.Name.StartsWith("samples/", StringComparison.Ordinal))} from samples) in {elapsed.TotalSeconds:F1} s")
            .AppendLine($"Variants with syntax errors: {outcomes.Count(o => o.HasSyntaxErrors)}")
            .AppendLine($"Variants that compiled (generated code included): {outcomes.Count(o => o.Compiled)}")
            .AppendLine($"Generator diagnostics: {outcomes.Sum(o => o.GeneratorDiagnostics)}")
            .AppendLine($"Analyzer diagnostics seen: {outcomes.Sum(o => o.AnalyzerDiagnostics.Length)} ({string.Join(", ", byId)})")
            .AppendLine($"Code fixes applied: {fixedVariants.Sum(o => o.CodeFixesApplied)} over {fixedVariants.Count} variants")
            .Append($"Variants failed: {outcomes.Count(o => !o.Failures.IsEmpty)}")
            .ToString();
    }

    private static string Describe(VariantOutcome outcome)
        => outcome.Variant.Describe() + Environment.NewLine + string.Join(Environment.NewLine, outcome.Failures) + Environment.NewLine;
}

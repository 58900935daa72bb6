using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using TaskGraph.Testing;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>
/// The programs the fuzzer mutates: the samples, read from disk, and every test input of this project
/// (the analyzers' pipelines, the broken-code corpus and <see cref="DelayedCorpus"/>) with the
/// [Delayed] methods they call.
/// </summary>
internal sealed class FuzzSeeds
{
    private static readonly Lazy<FuzzSeeds> Shared = new(Load);

    private FuzzSeeds(ImmutableArray<FuzzSeed> samples, ImmutableArray<FuzzSeed> inputs)
    {
        Samples = samples;
        Inputs = inputs;
        var compiles = inputs.ToLookup(CompilesCleanly);
        CleanInputs = compiles[true].ToImmutableArray();
        BrokenInputs = compiles[false].ToImmutableArray();
    }

    /// <summary>Loaded once per test run: seeds are immutable and their compilations are shared by every variant.</summary>
    public static FuzzSeeds Instance => Shared.Value;

    public ImmutableArray<FuzzSeed> Samples { get; }

    public ImmutableArray<FuzzSeed> Inputs { get; }

    /// <summary>Inputs that compile without errors once generated: their variants are the ones that can compile.</summary>
    public ImmutableArray<FuzzSeed> CleanInputs { get; }

    /// <summary>Inputs with errors of their own (the broken-code corpus, inputs of diagnostics tests).</summary>
    public ImmutableArray<FuzzSeed> BrokenInputs { get; }

    /// <summary>The variant of seed number <paramref name="variantSeed"/>: which seed, file and tokens all follow from it.</summary>
    public FuzzVariant Variant(int variantSeed)
    {
        var random = new Random(variantSeed);
        int percent = random.Next(100);
        var pool = percent < FuzzSettings.SamplePercent ? Samples
            : percent < FuzzSettings.SamplePercent + FuzzSettings.CleanInputPercent ? CleanInputs
            : BrokenInputs;
        return pool[random.Next(pool.Length)].Mutate(random, variantSeed);
    }

    private static FuzzSeeds Load()
    {
        // A sample is a directory with a project; samples/Shared holds sources some of them link, context they compile against.
        string samplesRoot = Path.Combine(RepositoryRoot.Path, "samples");
        var shared = SampleSources(Path.Combine(samplesRoot, "Shared"));
        var samples = Directory.EnumerateDirectories(samplesRoot)
            .Where(directory => Directory.EnumerateFiles(directory, "*.csproj").Any())
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(directory => new FuzzSeed(
                "samples/" + Path.GetFileName(directory),
                LinksShared(directory) ? SampleSources(directory).AddRange(shared) : SampleSources(directory),
                OutputKind.ConsoleApplication,
                // Files that use TaskGraph are mutated; the rest is context they compile against.
                text => text.Contains("Delayed", StringComparison.Ordinal)))
            .ToImmutableArray();

        var inputs = NoAnalyzerExceptionTests.Inputs()
            .Select(row => (string)row[0])
            .Distinct(StringComparer.Ordinal)
            // The [Delayed] methods are every input's second file already.
            .Where(text => text != TestSources.Ops)
            .OrderBy(text => text, StringComparer.Ordinal)
            .Select((text, i) => new FuzzSeed(
                $"test input {i}: {FirstCodeLine(text)}",
                AnalyzerVerifier.Sources(text).ToImmutableArray(),
                OutputKind.DynamicallyLinkedLibrary,
                _ => true))
            .ToImmutableArray();
        return new FuzzSeeds(samples, inputs);
    }

    private static bool CompilesCleanly(FuzzSeed seed)
        => !GeneratorRun.Start(seed.Compilation).Output.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);

    private static ImmutableArray<(string Path, string Text)> SampleSources(string directory)
    {
        string bin = $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}";
        string obj = $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(bin, StringComparison.Ordinal) && !path.Contains(obj, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(RepositoryRoot.Path, path), File.ReadAllText(path)))
            .ToImmutableArray();
    }

    private static bool LinksShared(string directory)
        => Directory.EnumerateFiles(directory, "*.csproj").Any(project => File.ReadAllText(project).Contains("../Shared/", StringComparison.Ordinal));

    private static string FirstCodeLine(string text)
        => text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal)) ?? string.Empty;
}

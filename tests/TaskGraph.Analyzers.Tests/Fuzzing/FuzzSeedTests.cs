using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>The fuzzer's seeds: the samples are found on disk, and the corpus starts from correct code.</summary>
public sealed class FuzzSeedTests
{
    [Fact]
    public void Both_samples_are_seeds_with_files_to_mutate()
    {
        var samples = FuzzSeeds.Instance.Samples;
        Assert.Contains(samples, s => s.Name == "samples/CustomEtl");
        Assert.Contains(samples, s => s.Name == "samples/FlightsEtl");
        Assert.All(samples, s => Assert.NotEmpty(s.FocusPaths));
    }

    [Fact]
    public void Every_corpus_program_compiles_cleanly_with_its_generated_code()
    {
        var programs = typeof(DelayedCorpus).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (f.Name, Text: (string)f.GetRawConstantValue()!))
            .ToList();
        Assert.Equal(4, programs.Count);
        foreach (var (name, text) in programs)
        {
            var run = GeneratorRun.Start(TestCompilation.Create(AnalyzerVerifier.Sources(text)));
            Assert.Null(run.Result.Exception);
            Assert.NotEmpty(run.GeneratedSources);
            Assert.True(run.OutputWarningsAndErrors.IsEmpty, $"{name}:{Environment.NewLine}{TestCompilation.Describe(run.OutputWarningsAndErrors)}");
        }
    }
}

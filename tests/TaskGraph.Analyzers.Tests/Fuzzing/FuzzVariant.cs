using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using TaskGraph.Testing;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>A mutated seed: the file that changed, how, and the compilation with it.</summary>
/// <param name="VariantSeed">The number every choice was drawn from; the same number gives the same variant.</param>
/// <param name="Seed">The program it was mutated from.</param>
/// <param name="Path">The mutated file.</param>
/// <param name="Text">The mutated file's text.</param>
/// <param name="Mutations">What was done to which tokens.</param>
/// <param name="Sources">All files of the variant, the mutated one included.</param>
/// <param name="Input">The variant's compilation, before the generator runs.</param>
internal sealed record FuzzVariant(
    int VariantSeed,
    FuzzSeed Seed,
    string Path,
    string Text,
    ImmutableArray<TokenMutation> Mutations,
    ImmutableArray<(string Path, string Text)> Sources,
    Compilation Input)
{
    /// <summary>Everything needed to reproduce the variant by hand, for a failure message.</summary>
    public string Describe()
        => $"""
           Variant seed {VariantSeed} (rerun alone with {FuzzSettings.ReproduceVariable}={VariantSeed}), from seed '{Seed.Name}', file {Path}
           Mutations: {string.Join(", ", Mutations.Select(m => m.Kind == TokenMutationKind.Swap ? $"swap tokens {m.Index} and {m.OtherIndex}" : $"{m.Kind.ToString().ToLowerInvariant()} token {m.Index}"))}
           --- {Path} ---
           {Text}
           --- end of {Path} ---
           """;
}

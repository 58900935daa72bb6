using System;
using System.Linq;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>The mutator loses nothing it does not mean to, does what each mutation says, and is reproducible from a seed.</summary>
public sealed class TokenMutatorTests
{
    [Fact]
    public void Unmutated_tokens_write_back_every_seed_file_exactly()
    {
        var files = FuzzSeeds.Instance.Samples.Concat(FuzzSeeds.Instance.Inputs).SelectMany(s => s.Sources).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Equal(file.Text, new TokenMutator(file.Text, TestCompilation.ParseOptions).Write()));
    }

    [Theory]
    [InlineData(TokenMutationKind.Delete, "/* a */  // b\n")]
    [InlineData(TokenMutationKind.Duplicate, "/* a */ x x // b\n")]
    [InlineData(TokenMutationKind.Swap, "/* a */ x // b\n")]
    public void Each_mutation_changes_the_token_and_keeps_the_trivia(TokenMutationKind kind, string expected)
    {
        var mutator = new TokenMutator("/* a */ x // b\n", TestCompilation.ParseOptions);
        Assert.Equal(1, mutator.Mutable);
        // The first seed whose one mutation is of the kind under test (a lone token swaps with itself).
        var (text, mutations) = Enumerable.Range(0, 100)
            .Select(seed => mutator.Mutate(new Random(seed), 1))
            .First(m => m.Mutations.Single().Kind == kind);
        Assert.Equal(expected, text);
    }

    [Fact]
    public void A_variant_follows_from_its_seed_alone()
    {
        var seeds = FuzzSeeds.Instance;
        var variants = Enumerable.Range(FuzzSettings.BaseSeed, 20).Select(seeds.Variant).ToList();
        var again = Enumerable.Range(FuzzSettings.BaseSeed, 20).Reverse().Select(seeds.Variant).Reverse().ToList();

        Assert.Equal(variants.Select(v => (v.Seed.Name, v.Path, v.Text)), again.Select(v => (v.Seed.Name, v.Path, v.Text)));
        Assert.True(variants.Select(v => v.Text).Distinct().Count() > 10, "Different seeds should give different variants.");
        // A swap of two equal tokens changes nothing, so not every variant differs from its seed; most must.
        Assert.True(variants.Count(v => v.Text != v.Seed.Sources.Single(s => s.Path == v.Path).Text) >= 15, "Most variants should differ from their seed.");
    }
}

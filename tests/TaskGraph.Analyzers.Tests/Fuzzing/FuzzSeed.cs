using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskGraph.Testing;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>
/// A program the fuzzer starts from: its sources, compiled once (variants replace one syntax tree of this
/// compilation, so references and unchanged trees are shared), and a mutator for each file it may mutate.
/// </summary>
internal sealed class FuzzSeed
{
    private readonly ImmutableArray<(int Source, TokenMutator Mutator)> mutable;

    /// <param name="name">Where the seed comes from, for reports.</param>
    /// <param name="sources">Its files.</param>
    /// <param name="outputKind">Library, or console application for a sample with a Main.</param>
    /// <param name="isMutable">
    /// Which files variants mutate and check; the others are context they compile against, unchanged and
    /// checked once by the suite's own tests (a sample is big: checking all of it per variant would cost
    /// most of the run for files no mutation touches).
    /// </param>
    public FuzzSeed(string name, ImmutableArray<(string Path, string Text)> sources, OutputKind outputKind, Func<string, bool> isMutable)
    {
        Name = name;
        Sources = sources;
        Compilation = TestCompilation.Create(sources, outputKind);
        mutable = sources
            .Select((source, index) => (source, index))
            .Where(s => isMutable(s.source.Text))
            .Select(s => (s.index, new TokenMutator(s.source.Text, TestCompilation.ParseOptions)))
            .Where(s => s.Item2.Mutable > 0)
            .ToImmutableArray();
        FocusPaths = mutable.Select(m => sources[m.Source].Path).ToImmutableHashSet();
        if (mutable.IsEmpty)
        {
            throw new ArgumentException($"Seed {name} has no file to mutate.", nameof(isMutable));
        }
    }

    public string Name { get; }

    public ImmutableArray<(string Path, string Text)> Sources { get; }

    /// <summary>The files variants mutate, and whose diagnostics they check.</summary>
    public ImmutableHashSet<string> FocusPaths { get; }

    /// <summary>The unmutated compilation (before the generator runs).</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>Mutates one of the seed's mutable files, choosing everything from <paramref name="random"/>.</summary>
    public FuzzVariant Mutate(Random random, int variantSeed)
    {
        var (source, mutator) = mutable[random.Next(mutable.Length)];
        // Half the variants get one mutation (the likeliest to leave code that still compiles, where the
        // generated code is checked too), the rest two or three, which reach stranger code.
        int count = random.Next(4) switch { 0 or 1 => 1, 2 => 2, _ => 3 };
        var (text, mutations) = mutator.Mutate(random, count);
        string path = Sources[source].Path;
        var tree = CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path);
        return new FuzzVariant(
            variantSeed,
            this,
            path,
            text,
            mutations,
            Sources.SetItem(source, (path, text)),
            Compilation.ReplaceSyntaxTree(Compilation.SyntaxTrees[source], tree));
    }
}

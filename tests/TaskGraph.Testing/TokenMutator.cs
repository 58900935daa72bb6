using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TaskGraph.Testing;

/// <summary>What a token mutation did to a source.</summary>
public enum TokenMutationKind
{
    /// <summary>A token was removed (its surrounding whitespace and comments stay).</summary>
    Delete,

    /// <summary>A token was written twice.</summary>
    Duplicate,

    /// <summary>Two tokens traded places.</summary>
    Swap,
}

/// <summary>One mutation, described for a failure message: what was done to which token(s).</summary>
/// <param name="Kind">Delete, duplicate or swap.</param>
/// <param name="Index">The (first) token's index.</param>
/// <param name="OtherIndex">The second token of a swap, otherwise the same as <paramref name="Index"/>.</param>
public sealed record TokenMutation(TokenMutationKind Kind, int Index, int OtherIndex);

/// <summary>
/// Mutates C# text token by token, as a fuzzer does: the text is split by Roslyn's lexer, then random
/// tokens are deleted, duplicated or swapped. Whitespace and comments stay where they were, so a
/// mutation reads like a typo or a half-finished edit; a swap takes a nearby token, one of the same class
/// or any token. Everything follows from the <see cref="Random"/> passed in, so a variant is reproduced
/// from its seed.
/// </summary>
public sealed class TokenMutator
{
    // Swaps mostly stay close (a reordered argument, a moved modifier), sometimes reach anywhere.
    private const int NearbySwapDistance = 8;

    private readonly ImmutableArray<SyntaxToken> tokens;

    // For each mutable token, the indices of the mutable tokens of its class (every keyword is one class;
    // otherwise the token's kind): swapping within a class (two identifiers, `int` and `static`) often
    // keeps the syntax whole and changes what it means, which reaches deeper than a syntax error.
    private readonly ImmutableArray<ImmutableArray<int>> sameClass;

    /// <summary>A mutator of <paramref name="text"/>, lexed with <paramref name="options"/>.</summary>
    public TokenMutator(string text, CSharpParseOptions options)
    {
        // Zero-width tokens (end of file) carry trivia but nothing to mutate; they are still written back.
        tokens = SyntaxFactory.ParseTokens(text, options: options).ToImmutableArray();
        var mutable = tokens.Where(HasText).ToList();
        Mutable = mutable.Count;
        var classes = mutable
            .Select((token, index) => (Class: SyntaxFacts.IsKeywordKind(token.Kind()) ? SyntaxKind.None : token.Kind(), index))
            .GroupBy(t => t.Class)
            .ToDictionary(g => g.Key, g => g.Select(t => t.index).ToImmutableArray());
        sameClass = mutable.Select(token => classes[SyntaxFacts.IsKeywordKind(token.Kind()) ? SyntaxKind.None : token.Kind()]).ToImmutableArray();
    }

    /// <summary>How many tokens can be mutated.</summary>
    public int Mutable { get; }

    /// <summary>
    /// Applies <paramref name="count"/> random mutations and returns the new text with what was done;
    /// a text without tokens comes back unchanged.
    /// </summary>
    public (string Text, ImmutableArray<TokenMutation> Mutations) Mutate(Random random, int count)
    {
        var texts = tokens.Where(HasText).Select(t => t.Text).ToArray();
        var mutations = ImmutableArray.CreateBuilder<TokenMutation>(count);
        for (int m = 0; m < count && texts.Length > 0; m++)
        {
            var mutation = Next(random, texts.Length);
            Apply(texts, mutation);
            mutations.Add(mutation);
        }

        return (Write(texts), mutations.ToImmutable());
    }

    /// <summary>The text back from its tokens, unmutated (the lexer loses nothing).</summary>
    public string Write() => Write(tokens.Where(HasText).Select(t => t.Text).ToArray());

    private static bool HasText(SyntaxToken token) => token.Span.Length > 0;

    private TokenMutation Next(Random random, int tokenCount)
    {
        var kind = (TokenMutationKind)random.Next(3);
        int index = random.Next(tokenCount);
        if (kind != TokenMutationKind.Swap)
        {
            return new TokenMutation(kind, index, index);
        }

        int other = random.Next(3) switch
        {
            0 => Math.Clamp(index + random.Next(-NearbySwapDistance, NearbySwapDistance + 1), 0, tokenCount - 1),
            1 => sameClass[index][random.Next(sameClass[index].Length)],
            _ => random.Next(tokenCount),
        };
        return new TokenMutation(kind, index, other);
    }

    private static void Apply(string[] texts, TokenMutation mutation)
    {
        switch (mutation.Kind)
        {
            case TokenMutationKind.Delete:
                texts[mutation.Index] = string.Empty;
                break;
            case TokenMutationKind.Duplicate:
                // A space keeps the copies two tokens (`int int`, not `intint`).
                texts[mutation.Index] = texts[mutation.Index] + " " + texts[mutation.Index];
                break;
            case TokenMutationKind.Swap:
                (texts[mutation.Index], texts[mutation.OtherIndex]) = (texts[mutation.OtherIndex], texts[mutation.Index]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation.Kind, "Unknown mutation kind.");
        }
    }

    private string Write(string[] texts)
    {
        var builder = new StringBuilder();
        int next = 0;
        foreach (var token in tokens)
        {
            builder.Append(token.LeadingTrivia.ToFullString());
            if (HasText(token))
            {
                builder.Append(texts[next++]);
            }

            builder.Append(token.TrailingTrivia.ToFullString());
        }

        return builder.ToString();
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace TaskGraph.Testing;

/// <summary>An expected diagnostic span in test source: its id (<see langword="null"/> for <c>[|...|]</c>, any id) and where it is.</summary>
/// <param name="Id">The diagnostic id named in <c>{|TG1001:...|}</c>, or null for <c>[|...|]</c>.</param>
/// <param name="Span">The span in the source with the markup removed.</param>
public sealed record MarkedSpan(string? Id, TextSpan Span);

/// <summary>
/// Test source with expected diagnostics marked in place: <c>[|code|]</c> marks a span where a
/// diagnostic is expected, <c>{|TG1001:code|}</c> one with a given id. Marks may nest.
/// </summary>
public sealed class Markup
{
    private Markup(string text, ImmutableArray<MarkedSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    /// <summary>The source with every mark removed.</summary>
    public string Text { get; }

    /// <summary>The marked spans, in the order their marks close.</summary>
    public ImmutableArray<MarkedSpan> Spans { get; }

    /// <summary>Parses <paramref name="markup"/>; throws on unbalanced marks, naming the offset.</summary>
    public static Markup Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var open = new Stack<(string? Id, int Start)>();
        var spans = ImmutableArray.CreateBuilder<MarkedSpan>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((null, text.Length));
                i++;
            }
            else if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|' && IdEnd(markup, i + 2) is int colon)
            {
                open.Push((markup.Substring(i + 2, colon - (i + 2)), text.Length));
                i = colon;
            }
            else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                if (open.Count == 0)
                {
                    throw new FormatException($"Markup closes a span at offset {i} that was never opened.");
                }

                var (id, start) = open.Pop();
                spans.Add(new MarkedSpan(id, TextSpan.FromBounds(start, text.Length)));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException($"Markup leaves {open.Count} span(s) open; the last opened at offset {open.Peek().Start} of the plain text.");
        }

        return new Markup(text.ToString(), spans.ToImmutable());
    }

    private static bool Starts(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

    // The index of the ':' ending a diagnostic id such as TG1001 or CS0103, when one starts at index.
    private static int? IdEnd(string text, int index)
    {
        int i = index;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return i > index && i < text.Length && text[i] == ':' ? i : null;
    }
}

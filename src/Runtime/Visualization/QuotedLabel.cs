using System;
using System.IO;

namespace TaskGraph.Visualization;

/// <summary>Writes a label as a double-quoted string of a picture format, each character through the format's escape rule.</summary>
internal static class QuotedLabel
{
    /// <summary>
    /// Writes <paramref name="text"/> between double quotes; <paramref name="escape"/> returns what stands
    /// for a character (<see langword="null"/>: the character itself; empty: dropped).
    /// </summary>
    internal static void Write(string text, TextWriter writer, Func<char, string?> escape)
    {
        writer.Write('"');
        foreach (char c in text)
        {
            if (escape(c) is { } replacement)
            {
                writer.Write(replacement);
            }
            else
            {
                writer.Write(c);
            }
        }

        writer.Write('"');
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace TaskGraph.Tests.Visualization;

/// <summary>Reads back the statements the DOT writer emits (node lines with attributes, edge lines), undoing DOT's string escapes.</summary>
internal static partial class DotText
{
    internal static IReadOnlyList<(string Id, Dictionary<string, string> Attributes)> Nodes(string dot)
        => dot.Split('\n')
            .Select(line => NodeLine().Match(line))
            .Where(match => match.Success)
            .Select(match => (match.Groups["id"].Value, Attributes(match.Groups["attributes"].Value)))
            .ToList();

    internal static IReadOnlyList<(string From, string To)> Edges(string dot)
        => dot.Split('\n')
            .Select(line => EdgeLine().Match(line))
            .Where(match => match.Success)
            .Select(match => (match.Groups["from"].Value, match.Groups["to"].Value))
            .ToList();

    /// <summary>Each edge's <c>minlen</c>: how many rows apart Graphviz must put its ends (1 when not written).</summary>
    internal static IReadOnlyList<int> EdgeLengths(string dot)
        => dot.Split('\n')
            .Select(line => EdgeLine().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["minlen"].Success ? int.Parse(match.Groups["minlen"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1)
            .ToList();

    private static Dictionary<string, string> Attributes(string text)
        => Attribute().Matches(text).ToDictionary(match => match.Groups["name"].Value, match => Unescape(match.Groups["value"].Value));

    /// <summary>DOT's escString as the writer uses it: <c>\"</c>, <c>\\</c>, and <c>\n</c> for a line break.</summary>
    private static string Unescape(string quoted)
    {
        var text = new StringBuilder();
        for (int i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length)
            {
                i++;
                text.Append(quoted[i] == 'n' ? '\n' : quoted[i]);
            }
            else
            {
                text.Append(quoted[i]);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("""^  (?<id>n\d+) \[(?<attributes>.*)\];$""")]
    private static partial Regex NodeLine();

    [GeneratedRegex("""^  (?<from>n\d+) -> (?<to>n\d+)( \[minlen=(?<minlen>\d+)\])?;$""")]
    private static partial Regex EdgeLine();

    [GeneratedRegex("""(?<name>\w+)="(?<value>(?:[^"\\]|\\.)*)"(, |$)""")]
    private static partial Regex Attribute();
}

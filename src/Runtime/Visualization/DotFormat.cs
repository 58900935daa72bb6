using System.IO;

namespace TaskGraph.Visualization;

/// <summary>
/// Writes a <see cref="GraphPicture"/> as a Graphviz DOT digraph: inputs at the bottom, arrows pointing
/// at consumers (as dask draws), tooltips holding task keys, fill colours by state when states were
/// recorded (done green, failed red, running amber, not run grey).
/// </summary>
internal static class DotFormat
{
    internal static void Write(GraphPicture picture, TextWriter writer)
    {
        writer.WriteLine("digraph TaskGraph {");
        writer.WriteLine("  rankdir=BT;");
        writer.WriteLine("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];");
        for (int i = 0; i < picture.Nodes.Count; i++)
        {
            PictureNode node = picture.Nodes[i];
            writer.Write("  n");
            writer.Write(i);
            writer.Write(" [label=");
            WriteQuoted(node.Label, writer);
            writer.Write(", tooltip=");
            WriteQuoted(node.Task.Key, writer);
            if (picture.HasStates)
            {
                writer.Write(", fillcolor=\"");
                writer.Write(StateColors.Fill(node.State));
                writer.Write("\", color=\"");
                writer.Write(StateColors.Stroke(node.State));
                writer.Write('"');
            }

            writer.WriteLine("];");
        }

        foreach (PictureEdge edge in picture.Edges)
        {
            writer.Write("  n");
            writer.Write(edge.From);
            writer.Write(" -> n");
            writer.Write(edge.To);
            writer.WriteLine(';');
        }

        writer.WriteLine('}');
    }

    /// <summary>
    /// A DOT double-quoted string: quotes and backslashes escaped, a line break as <c>\n</c> (a centred
    /// line); angle brackets need nothing inside quotes (only HTML labels, which are not used, treat them specially).
    /// </summary>
    internal static void WriteQuoted(string text, TextWriter writer) => QuotedLabel.Write(text, writer, Escape);

    private static string? Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => string.Empty,
        _ => null,
    };
}

using System.IO;

namespace TaskGraph.Visualization;

/// <summary>
/// Writes a <see cref="GraphPicture"/> as a Graphviz DOT digraph: inputs at the bottom, arrows pointing
/// at consumers (as dask draws), tooltips holding task keys, fill colours by state when states were
/// recorded (done green, failed red, running amber, not run grey), a title on top when given, and wide
/// levels spread over several rows (<see cref="StaggeredRanks"/>).
/// </summary>
internal static class DotFormat
{
    internal static void Write(GraphPicture picture, string? title, TextWriter writer)
    {
        writer.WriteLine("digraph TaskGraph {");
        writer.WriteLine("  rankdir=BT; nodesep=0.08; ranksep=0.3;"); // tight: a graph of hundreds of tasks stays a block you can zoom into
        if (title is not null)
        {
            writer.Write("  labelloc=t; fontname=\"Helvetica\"; fontsize=20; label=");
            WriteQuoted(title, writer);
            writer.WriteLine(';');
        }

        writer.WriteLine("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10, margin=\"0.04,0.02\"];");
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

        int[] ranks = StaggeredRanks.Of(picture);
        foreach (PictureEdge edge in picture.Edges)
        {
            writer.Write("  n");
            writer.Write(edge.From);
            writer.Write(" -> n");
            writer.Write(edge.To);
            int length = ranks[edge.To] - ranks[edge.From];
            if (length > 1)
            {
                writer.Write(" [minlen=");
                writer.Write(length);
                writer.Write(']');
            }

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

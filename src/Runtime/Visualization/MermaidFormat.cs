using System.IO;

namespace TaskGraph.Visualization;

/// <summary>
/// Writes a <see cref="GraphPicture"/> as a Mermaid flowchart (inputs at the bottom, as in the DOT
/// picture), with one class per state when states were recorded and the title in front matter when given.
/// </summary>
internal static class MermaidFormat
{
    private static readonly TaskState[] States = { TaskState.NotRun, TaskState.Running, TaskState.Done, TaskState.Failed, TaskState.Reused };

    internal static void Write(GraphPicture picture, string? title, TextWriter writer)
    {
        if (title is not null)
        {
            // Front matter is YAML, whose double-quoted strings take the same escapes as DOT's.
            writer.WriteLine("---");
            writer.Write("title: ");
            DotFormat.WriteQuoted(title, writer);
            writer.WriteLine();
            writer.WriteLine("---");
        }

        writer.WriteLine("flowchart BT");
        for (int i = 0; i < picture.Nodes.Count; i++)
        {
            PictureNode node = picture.Nodes[i];
            writer.Write("  n");
            writer.Write(i);
            writer.Write('[');
            WriteQuoted(node.Label, writer);
            writer.Write(']');
            if (picture.HasStates)
            {
                writer.Write(":::");
                writer.Write(ClassOf(node.State));
            }

            writer.WriteLine();
        }

        foreach (PictureEdge edge in picture.Edges)
        {
            writer.Write("  n");
            writer.Write(edge.From);
            writer.Write(" --> n");
            writer.WriteLine(edge.To);
        }

        if (picture.HasStates)
        {
            foreach (TaskState state in States)
            {
                writer.Write("  classDef ");
                writer.Write(ClassOf(state));
                writer.Write(" fill:");
                writer.Write(StateColors.Fill(state));
                writer.Write(",stroke:");
                writer.WriteLine(StateColors.Stroke(state));
            }
        }
    }

    internal static string ClassOf(TaskState state) => state switch
    {
        TaskState.Running => "running",
        TaskState.Done => "done",
        TaskState.Failed => "failed",
        TaskState.Reused => "reused",
        _ => "notRun",
    };

    /// <summary>
    /// A Mermaid quoted label. Mermaid has no backslash escapes: characters that would end the string or
    /// be read as markup become its entity codes (<c>#34;</c> for a quote, <c>#60;</c> for <c>&lt;</c>, ...),
    /// <c>#</c> itself included so that text never forms an accidental code; a line break becomes <c>&lt;br/&gt;</c>.
    /// </summary>
    internal static void WriteQuoted(string text, TextWriter writer) => QuotedLabel.Write(text, writer, Escape);

    private static string? Escape(char c) => c switch
    {
        '"' => "#34;",
        '#' => "#35;",
        '&' => "#38;",
        '<' => "#60;",
        '>' => "#62;",
        '`' => "#96;",
        '\n' => "<br/>",
        '\r' => string.Empty,
        _ => null,
    };
}

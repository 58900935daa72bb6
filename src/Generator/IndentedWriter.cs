using System.Text;

namespace TaskGraph.Generator;

/// <summary>Writes generated source line by line at the current indentation (four spaces per level).</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    public void WriteLine(string line = "")
    {
        if (line.Length > 0)
        {
            builder.Append(' ', depth * 4).Append(line);
        }

        builder.Append('\n');
    }

    /// <summary>Writes <c>{</c> and indents until <see cref="CloseBlock"/>.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        depth++;
    }

    public void CloseBlock(string suffix = "")
    {
        depth--;
        WriteLine("}" + suffix);
    }

    public void Indent() => depth++;

    public void Unindent() => depth--;

    public override string ToString() => builder.ToString();
}

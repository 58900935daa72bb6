using System.IO;
using System.Text;

namespace TaskGraph.Tests.Visualization;

/// <summary>Counts lines and lines starting with a marker instead of keeping text: for pictures too big to hold.</summary>
internal sealed class LineCountingWriter : TextWriter
{
    private readonly string marker;
    private readonly StringBuilder current = new();

    public LineCountingWriter(string marker) => this.marker = marker;

    public override Encoding Encoding => Encoding.UTF8;

    public int Lines { get; private set; }

    public int MarkedLines { get; private set; }

    public override void Write(char value)
    {
        if (value != '\n')
        {
            current.Append(value);
            return;
        }

        Lines++;
        MarkedLines += current.ToString().Contains(marker, System.StringComparison.Ordinal) ? 1 : 0;
        current.Clear();
    }
}

using System;
using System.Linq;
using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Tests.Visualization;

public sealed class GraphPictureTests
{
    /// <summary>
    /// x = Increment(1); y = Add(x, x); z = Add(x, 5); w = Add(y, z); all = All(y, z, 3).
    /// Five tasks; x is shared by y (twice) and z; edges x->y, x->z, y->w, z->w, y->all, z->all.
    /// </summary>
    private static (Delayed<int> X, Delayed<int> W, Delayed<int[]> All) KnownGraph()
    {
        Delayed<int> x = Arithmetic.IncrementDelayed(1);
        Delayed<int> y = Arithmetic.AddDelayed(x, x);
        Delayed<int> z = Arithmetic.AddDelayed(x, 5);
        Delayed<int> w = Arithmetic.AddDelayed(y, z);
        Delayed<int[]> all = Delayed.All(new[] { y, z, 3 });
        return (x, w, all);
    }

    [Fact]
    public void DotHasOneNodePerTaskAndOneEdgePerDistinctDependency()
    {
        var (x, w, all) = KnownGraph();

        string dot = Delayed.ToDot([w, all]);

        var nodes = DotText.Nodes(dot);
        var edges = DotText.Edges(dot);
        Assert.Equal(5, nodes.Count);
        Assert.Equal(6, edges.Count);
        Assert.Equal(x.Key, nodes[0].Attributes["tooltip"]);
        Assert.Equal(w.Key, nodes[3].Attributes["tooltip"]);
        Assert.Equal(all.Key, nodes[4].Attributes["tooltip"]);
        Assert.Equal(
            new[] { ("n0", "n1"), ("n0", "n2"), ("n1", "n3"), ("n2", "n3"), ("n1", "n4"), ("n2", "n4") }.OrderBy(e => e),
            edges.OrderBy(e => e));
        Assert.Equal(new[] { "Increment\nconst: p0", "Add", "Add\nconst: p1", "Add", "All\n1 constant item" }, nodes.Select(n => n.Attributes["label"]));
        Assert.StartsWith("digraph TaskGraph {", dot, StringComparison.Ordinal);
        Assert.EndsWith("}" + Environment.NewLine, dot, StringComparison.Ordinal);
    }

    [Fact]
    public void DotParsesWithGraphvizWhenInstalled()
    {
        var (_, w, all) = KnownGraph();
        string dot = Delayed.ToDot([w, all]);

        if (Graphviz.DotPath is null)
        {
            // No Graphviz here: the statements the writer emits must still account for every line.
            int statements = DotText.Nodes(dot).Count + DotText.Edges(dot).Count;
            Assert.Equal(dot.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 4, statements);
            return;
        }

        var (exitCode, plain, error) = Graphviz.ToPlain(dot);
        Assert.True(exitCode == 0, $"dot failed ({exitCode}): {error}");
        string[] lines = plain.Split('\n');
        Assert.Equal(5, lines.Count(line => line.StartsWith("node ", StringComparison.Ordinal)));
        Assert.Equal(6, lines.Count(line => line.StartsWith("edge ", StringComparison.Ordinal)));
    }

    [Fact]
    public void MermaidHasOneNodePerTaskAndOneEdgePerDistinctDependency()
    {
        var (_, w, all) = KnownGraph();

        string[] lines = Delayed.ToMermaid([w, all]).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("flowchart BT", lines[0]);
        Assert.Equal(5, lines.Count(line => line.StartsWith("  n", StringComparison.Ordinal) && line.Contains("[\"", StringComparison.Ordinal)));
        Assert.Equal(6, lines.Count(line => line.Contains(" --> ", StringComparison.Ordinal)));
        Assert.Contains("  n0[\"Increment<br/>const: p0\"]", lines);
        Assert.DoesNotContain(lines, line => line.Contains("classDef", StringComparison.Ordinal));
    }

    [Fact]
    public void SharedTaskOfSeveralTargetsIsDrawnOnce()
    {
        Delayed<int> shared = Arithmetic.IncrementDelayed(1);
        Delayed<int>[] consumers = Enumerable.Range(0, 4).Select(i => Arithmetic.AddDelayed(shared, i)).ToArray();

        string dot = Delayed.ToDot(consumers);

        Assert.Equal(5, DotText.Nodes(dot).Count);
        Assert.Equal(4, DotText.Edges(dot).Count);
        Assert.Single(DotText.Nodes(dot), node => node.Attributes["tooltip"] == shared.Key);
    }

    [Fact]
    public void EqualPureCallsShareOneNode()
    {
        Delayed<int> first = Arithmetic.PureSquareDelayed(3);
        Delayed<int> second = Arithmetic.PureSquareDelayed(3);

        string dot = Arithmetic.AddDelayed(first, second).ToDot();

        Assert.Equal(2, DotText.Nodes(dot).Count);
        Assert.Single(DotText.Edges(dot));
    }

    [Fact]
    public void LabelsAreEscapedForDotAndMermaid()
    {
        const string name = "Say \"hi\" \\ <b>&#x;`";
        var method = new DelayedMethod("M:Odd", name, "List<int>")
        {
            ParameterNames = new[] { "List<int>\nnext" },
        };
        Delayed<int> odd = DelayedCall.Create(method, static (args, _) => args.Get<int>(0), (Delayed<int>)1);

        string dot = odd.ToDot();
        string mermaid = odd.ToMermaid();

        var node = Assert.Single(DotText.Nodes(dot));
        Assert.Equal(name + "\nconst: List<int>\nnext", node.Attributes["label"]);
        Assert.Contains("label=\"Say \\\"hi\\\" \\\\ <b>&#x;`\\nconst: List<int>\\nnext\"", dot, StringComparison.Ordinal);
        Assert.Equal(
            "  n0[\"Say #34;hi#34; \\ #60;b#62;#38;#35;x;#96;<br/>const: List#60;int#62;<br/>next\"]",
            mermaid.Split(Environment.NewLine)[1]);
        if (Graphviz.DotPath is not null)
        {
            var (exitCode, _, error) = Graphviz.ToPlain(dot);
            Assert.True(exitCode == 0, $"dot failed ({exitCode}): {error}");
        }
    }

    [Fact]
    public void WideLevelIsSpreadOverRowsOfAtMostTwenty()
    {
        Delayed<int>[] leaves = Enumerable.Range(0, 100).Select(i => Arithmetic.IncrementDelayed(i)).ToArray();

        string dot = Delayed.All(leaves).ToDot();

        // 100 leaves take 5 rows, round-robin; the fan-in sits on the row above them all.
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, DotText.EdgeLengths(dot).Distinct().Order());
        Assert.All(DotText.EdgeLengths(dot).GroupBy(length => length), lengths => Assert.Equal(20, lengths.Count()));
        if (Graphviz.DotPath is not null)
        {
            var (exitCode, plain, error) = Graphviz.ToPlain(dot);
            Assert.True(exitCode == 0, $"dot failed ({exitCode}): {error}");
            var rows = plain.Split('\n').Where(line => line.StartsWith("node ", StringComparison.Ordinal)).GroupBy(line => line.Split(' ')[3]).ToList();
            Assert.Equal(6, rows.Count);
            Assert.Equal(20, rows.Max(row => row.Count()));
        }
    }

    [Fact]
    public void NarrowGraphHasNoRowHints()
    {
        var (_, w, all) = KnownGraph();

        Assert.All(DotText.EdgeLengths(Delayed.ToDot([w, all])), length => Assert.Equal(1, length));
    }

    [Fact]
    public void TitleIsWrittenAboveTheDotAndMermaidPictures()
    {
        Delayed<int> x = Arithmetic.IncrementDelayed(1);

        string[] dot = x.ToDot(title: "small \"one\"").Split(Environment.NewLine);
        string[] mermaid = x.ToMermaid(title: "small \"one\"").Split(Environment.NewLine);

        Assert.Contains("  labelloc=t; fontname=\"Helvetica\"; fontsize=20; label=\"small \\\"one\\\"\";", dot);
        Assert.Equal(new[] { "---", "title: \"small \\\"one\\\"\"", "---", "flowchart BT" }, mermaid[..4]);
        Assert.DoesNotContain("labelloc", x.ToDot(), StringComparison.Ordinal);
        Assert.StartsWith("flowchart BT", x.ToMermaid(), StringComparison.Ordinal);
    }

    [Fact]
    public void NullHandleIsRefusedWithItsPosition()
    {
        var error = Assert.Throws<ArgumentException>(() => Delayed.ToDot([Arithmetic.IncrementDelayed(1), null!]));
        Assert.Contains("position 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MillionTaskChainIsDrawnWithoutStackOverflow()
    {
        string dot = "";
        SmallStack.Run(
            () =>
            {
                Delayed<int> value = 0;
                for (int i = 0; i < 1_000_000; i++)
                {
                    value = Arithmetic.IncrementDelayed(value);
                }

                dot = value.ToDot();
            });

        Assert.Equal(999_999, Occurrences(dot, " -> "));
        Assert.Equal(1_000_000 + 999_999 + 4, Occurrences(dot, Environment.NewLine));
    }

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

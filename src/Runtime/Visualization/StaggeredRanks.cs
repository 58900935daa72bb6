using System;

namespace TaskGraph.Visualization;

/// <summary>
/// Ranks (rows, inputs at the bottom) for a DOT picture that stays readable when one level of the graph is
/// wide: a level of more than <see cref="RowWidth"/> tasks (200 comparisons feeding one reduction, 100 loads)
/// is spread over several rows of at most that many, instead of one strip tens of thousands of points long.
/// </summary>
/// <remarks>
/// A task's level is the longest chain of inputs below it. Levels keep their order; level <c>d</c> takes
/// <c>ceil(count / RowWidth)</c> rows and its tasks go round-robin over them. The writer asks Graphviz for
/// these ranks through each edge's <c>minlen</c> (rank of the consumer minus rank of the input, always at
/// least 1), which fixes every task's row: nodes are listed inputs first, so one pass over the edges in
/// order finds every level.
/// </remarks>
internal static class StaggeredRanks
{
    /// <summary>The most tasks on one row: about 3,000 points of boxes labelled with a method name.</summary>
    internal const int RowWidth = 20;

    internal static int[] Of(GraphPicture picture)
    {
        int count = picture.Nodes.Count;
        var levels = new int[count];
        int deepest = 0;
        foreach (PictureEdge edge in picture.Edges)
        {
            levels[edge.To] = Math.Max(levels[edge.To], levels[edge.From] + 1);
            deepest = Math.Max(deepest, levels[edge.To]);
        }

        var widths = new int[deepest + 1];
        foreach (int level in levels)
        {
            widths[level]++;
        }

        // firstRow[d]: the row where level d starts, after the rows of every level below it.
        var firstRow = new int[deepest + 1];
        for (int level = 1; level <= deepest; level++)
        {
            firstRow[level] = firstRow[level - 1] + RowsOf(widths[level - 1]);
        }

        var seen = new int[deepest + 1];
        var ranks = new int[count];
        for (int node = 0; node < count; node++)
        {
            int level = levels[node];
            ranks[node] = firstRow[level] + (seen[level]++ % RowsOf(widths[level]));
        }

        return ranks;
    }

    private static int RowsOf(int width) => (width + RowWidth - 1) / RowWidth;
}

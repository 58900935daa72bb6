using System.Collections.Generic;

namespace TaskGraph;

public static partial class Delayed
{
    /// <summary>The graphs behind <paramref name="targets"/> in one Graphviz DOT picture (dask's <c>visualize</c>); see <see cref="GraphPictures"/>.</summary>
    /// <exception cref="System.ArgumentException">A handle is <see langword="null"/>.</exception>
    public static string ToDot(params DelayedNode[] targets) => GraphPictures.ToDot((IEnumerable<DelayedNode>)targets);

    /// <summary>The graphs behind <paramref name="targets"/> in one Mermaid flowchart; see <see cref="GraphPictures"/>.</summary>
    /// <exception cref="System.ArgumentException">A handle is <see langword="null"/>.</exception>
    public static string ToMermaid(params DelayedNode[] targets) => GraphPictures.ToMermaid((IEnumerable<DelayedNode>)targets);
}

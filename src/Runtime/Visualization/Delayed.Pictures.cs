using System;
using System.Collections.Generic;
using System.IO;
using TaskGraph.Diagnostics;
using TaskGraph.Visualization;

namespace TaskGraph;

/// <remarks>
/// Pictures (dask's <c>visualize</c>): <c>handle.ToDot()</c> / <c>handle.ToMermaid()</c> for one graph,
/// <c>Delayed.ToDot(handles)</c> / <c>Delayed.ToMermaid(handles)</c> for several in one picture. One node
/// per task labelled with its method, shared tasks drawn once, an arrow from each input to its consumer.
/// Constants are not tasks and get no node: the parameters they fill are listed on a second line of their
/// consumer's label (<c>const: path</c>). A collection of handles (<see cref="All{T}"/>, a list passed to a
/// wrapper) is a task labelled <c>All</c>. Pass a <see cref="GraphStateRecorder"/> that observed a compute
/// to colour tasks by state: done green, failed red, running amber, not run grey. The walk is iterative: a
/// chain of a million tasks is drawn without deep recursion. In DOT, a level of the graph wider than 20 tasks
/// is spread over several rows, so that a fan-in of hundreds stays a readable block rather than a strip.
/// </remarks>
public static partial class Delayed
{
    /// <summary>The graph behind <paramref name="target"/> as a Graphviz DOT digraph.</summary>
    /// <param name="target">The handle whose graph is drawn.</param>
    /// <param name="states">Colours tasks by the state it recorded; uncoloured when <see langword="null"/>.</param>
    /// <param name="title">Written above the picture; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    public static string ToDot(this DelayedNode target, GraphStateRecorder? states = null, string? title = null)
        => ToDot(Single(target), states, title);

    /// <summary>The graph behind <paramref name="target"/> as a Mermaid flowchart.</summary>
    /// <param name="target">The handle whose graph is drawn.</param>
    /// <param name="states">Colours tasks by the state it recorded; uncoloured when <see langword="null"/>.</param>
    /// <param name="title">Written above the picture; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    public static string ToMermaid(this DelayedNode target, GraphStateRecorder? states = null, string? title = null)
        => ToMermaid(Single(target), states, title);

    /// <summary>The graphs behind <paramref name="targets"/> in one Graphviz DOT digraph, shared tasks drawn once.</summary>
    /// <param name="targets">The handles whose graphs are drawn, e.g. <c>Delayed.ToDot([a, b])</c>.</param>
    /// <param name="states">Colours tasks by the state it recorded; uncoloured when <see langword="null"/>.</param>
    /// <param name="title">Written above the picture; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A handle is <see langword="null"/> (the message gives its position).</exception>
    public static string ToDot(IEnumerable<DelayedNode> targets, GraphStateRecorder? states = null, string? title = null)
    {
        var writer = new StringWriter();
        DotFormat.Write(GraphPicture.Of(targets, states), title, writer);
        return writer.ToString();
    }

    /// <summary>The graphs behind <paramref name="targets"/> in one Mermaid flowchart, shared tasks drawn once.</summary>
    /// <param name="targets">The handles whose graphs are drawn, e.g. <c>Delayed.ToMermaid([a, b])</c>.</param>
    /// <param name="states">Colours tasks by the state it recorded; uncoloured when <see langword="null"/>.</param>
    /// <param name="title">Written above the picture; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A handle is <see langword="null"/> (the message gives its position).</exception>
    public static string ToMermaid(IEnumerable<DelayedNode> targets, GraphStateRecorder? states = null, string? title = null)
    {
        var writer = new StringWriter();
        MermaidFormat.Write(GraphPicture.Of(targets, states), title, writer);
        return writer.ToString();
    }

    private static DelayedNode[] Single(DelayedNode target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new[] { target };
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using TaskGraph.Visualization;

namespace TaskGraph;

/// <summary>
/// Pictures of task graphs (dask's <c>visualize</c>): Graphviz DOT and Mermaid text with one node per task
/// labelled with its method, shared tasks drawn once, and an arrow from each input to its consumer.
/// Pass a <see cref="GraphStateRecorder"/> that observed a compute to colour tasks by state: done green,
/// failed red, running amber, not run grey.
/// </summary>
/// <remarks>
/// Constants are not tasks and get no node: the parameters they fill are listed on a second line of their
/// consumer's label (<c>const: path</c>). A collection of handles (<see cref="Delayed.All{T}"/>, a list
/// passed to a wrapper) is a task labelled <c>All</c>. The walk is iterative: a chain of a million tasks is
/// drawn without deep recursion.
/// </remarks>
public static class GraphPictures
{
    /// <summary>The graph behind <paramref name="target"/> as a Graphviz DOT digraph.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    public static string ToDot(this DelayedNode target, GraphStateRecorder? states = null)
        => ToDot(Single(target), states);

    /// <summary>The graphs behind <paramref name="targets"/>, in one picture (shared tasks drawn once), as a Graphviz DOT digraph.</summary>
    /// <exception cref="ArgumentException">A handle is <see langword="null"/>.</exception>
    public static string ToDot(this IEnumerable<DelayedNode> targets, GraphStateRecorder? states = null)
    {
        var writer = new StringWriter();
        WriteDot(targets, writer, states);
        return writer.ToString();
    }

    /// <summary>Writes the graphs behind <paramref name="targets"/> to <paramref name="writer"/> as a Graphviz DOT digraph.</summary>
    /// <exception cref="ArgumentException">A handle is <see langword="null"/>.</exception>
    public static void WriteDot(this IEnumerable<DelayedNode> targets, TextWriter writer, GraphStateRecorder? states = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        DotFormat.Write(GraphPicture.Of(targets, states), writer);
    }

    /// <summary>The graph behind <paramref name="target"/> as a Mermaid flowchart.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    public static string ToMermaid(this DelayedNode target, GraphStateRecorder? states = null)
        => ToMermaid(Single(target), states);

    /// <summary>The graphs behind <paramref name="targets"/>, in one picture (shared tasks drawn once), as a Mermaid flowchart.</summary>
    /// <exception cref="ArgumentException">A handle is <see langword="null"/>.</exception>
    public static string ToMermaid(this IEnumerable<DelayedNode> targets, GraphStateRecorder? states = null)
    {
        var writer = new StringWriter();
        WriteMermaid(targets, writer, states);
        return writer.ToString();
    }

    /// <summary>Writes the graphs behind <paramref name="targets"/> to <paramref name="writer"/> as a Mermaid flowchart.</summary>
    /// <exception cref="ArgumentException">A handle is <see langword="null"/>.</exception>
    public static void WriteMermaid(this IEnumerable<DelayedNode> targets, TextWriter writer, GraphStateRecorder? states = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        MermaidFormat.Write(GraphPicture.Of(targets, states), writer);
    }

    private static DelayedNode[] Single(DelayedNode target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new[] { target };
    }
}

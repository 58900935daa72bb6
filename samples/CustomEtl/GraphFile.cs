using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using TaskGraph;
using TaskGraph.Diagnostics;

namespace CustomEtl;

/// <summary>
/// The picture <c>--graph FILE</c> asks for, by the file's extension: <c>.dot</c>/<c>.gv</c> (Graphviz
/// source), <c>.mmd</c> (Mermaid), or <c>.svg</c>/<c>.png</c>/<c>.pdf</c> rendered by Graphviz's
/// <c>dot</c>, which must then be on PATH.
/// </summary>
public sealed class GraphFile
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(2);

    private GraphFile(string path, GraphFileFormat format, string? dotPath)
    {
        Path = path;
        Format = format;
        DotPath = dotPath;
    }

    /// <summary>Where the picture goes.</summary>
    public string Path { get; }

    /// <summary>What is written there.</summary>
    public GraphFileFormat Format { get; }

    /// <summary>Graphviz's <c>dot</c>, for an image.</summary>
    public string? DotPath { get; }

    /// <summary>The format of <paramref name="path"/> by extension; throws <see cref="ArgumentException"/> naming what is accepted.</summary>
    public static GraphFileFormat FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".dot" or ".gv" => GraphFileFormat.Dot,
        ".mmd" => GraphFileFormat.Mermaid,
        ".svg" => GraphFileFormat.Svg,
        ".png" => GraphFileFormat.Png,
        ".pdf" => GraphFileFormat.Pdf,
        _ => throw new ArgumentException($"--graph must name a .dot, .gv, .mmd, .svg, .png or .pdf file, not '{path}'."),
    };

    /// <summary>
    /// Prepares to write <paramref name="path"/>, looking for <c>dot</c> in <paramref name="searchPath"/>
    /// (a PATH-style list) when an image is asked for.
    /// </summary>
    /// <exception cref="GraphvizNotFoundException">An image was asked for and <c>dot</c> is not in <paramref name="searchPath"/>.</exception>
    public static GraphFile Open(string path, string? searchPath)
    {
        GraphFileFormat format = FormatOf(path);
        if (format is GraphFileFormat.Dot or GraphFileFormat.Mermaid)
        {
            return new GraphFile(path, format, null);
        }

        return new GraphFile(path, format, FindDot(searchPath) ?? throw new GraphvizNotFoundException(path));
    }

    /// <summary>
    /// Draws each example's graph, titled with its size and coloured by the states in <paramref name="states"/>,
    /// into a file of its own: <see cref="Path"/> for one example, <c>graph.small.svg</c>, <c>graph.large.svg</c>
    /// for several (one picture of both would be one unlabelled strip). Returns the files written, in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">Graphviz failed to render an image.</exception>
    public IReadOnlyList<string> Write(IReadOnlyList<(EtlExample Example, DelayedNode Target)> graphs, GraphStateRecorder states)
    {
        var written = new List<string>(graphs.Count);
        foreach (var (example, target) in graphs)
        {
            string path = graphs.Count == 1 ? Path : System.IO.Path.ChangeExtension(Path, example.Name + System.IO.Path.GetExtension(Path));
            string title = $"{example.Name} example: {example.Files} files, {example.Comparisons} comparisons";
            switch (Format)
            {
                case GraphFileFormat.Mermaid:
                    File.WriteAllText(path, target.ToMermaid(states, title));
                    break;
                case GraphFileFormat.Dot:
                    File.WriteAllText(path, target.ToDot(states, title));
                    break;
                default:
                    Render(target.ToDot(states, title), path);
                    break;
            }

            written.Add(path);
        }

        return written;
    }

    private void Render(string dot, string path)
    {
        var start = new ProcessStartInfo(DotPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-T" + Format.ToString().ToLowerInvariant());
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(path);
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {DotPath}.");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        if (!process.WaitForExit(RenderTimeout))
        {
            process.Kill();
            throw new InvalidOperationException($"Graphviz did not finish rendering {path} within {RenderTimeout.TotalMinutes} minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Graphviz failed to render {path} (exit code {process.ExitCode}): {error.Result.Trim()}");
        }
    }

    private static string? FindDot(string? searchPath)
    {
        string name = OperatingSystem.IsWindows() ? "dot.exe" : "dot";
        foreach (string directory in (searchPath ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string candidate = System.IO.Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

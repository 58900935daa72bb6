using System;
using System.Diagnostics;
using System.IO;

namespace TaskGraph.Tests.Visualization;

/// <summary>Graphviz's <c>dot</c>, when installed: tests check pictures with it, and fall back to reading the text.</summary>
internal static class Graphviz
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    internal static string? DotPath { get; } = Find();

    /// <summary>Runs <c>dot -Tplain</c> on <paramref name="source"/>: one <c>node</c> and one <c>edge</c> line per parsed element.</summary>
    internal static (int ExitCode, string Output, string Error) ToPlain(string source)
    {
        var start = new ProcessStartInfo(DotPath!, "-Tplain")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(source);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill();
            throw new TimeoutException("dot did not finish in " + Timeout);
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string? Find()
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? "dot.exe" : "dot");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

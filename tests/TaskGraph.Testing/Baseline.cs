using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace TaskGraph.Testing;

/// <summary>
/// Compares text with a checked-in baseline file (<c>*.verified.cs</c>). Setting the environment
/// variable <c>TASKGRAPH_UPDATE_BASELINES=1</c> rewrites baselines on purpose; it is ignored when
/// <c>CI=true</c>, so CI only ever compares.
/// </summary>
public static class Baseline
{
    private const string UpdateVariable = "TASKGRAPH_UPDATE_BASELINES";

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the baseline <paramref name="fileName"/> in the
    /// <c>Baselines</c> folder beside the calling test's source file.
    /// </summary>
    public static void Verify(string actual, string fileName, [CallerFilePath] string callerFile = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Baselines");
        string path = Path.Combine(directory, fileName);
        string normalized = Normalize(actual);

        if (ShouldUpdate())
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), $"Baseline {path} is missing. Run the tests with {UpdateVariable}=1 to write it, then review and commit it.");
        string expected = Normalize(File.ReadAllText(path));
        if (expected != normalized)
        {
            // Left beside the baseline for a diff tool; *.received.cs is git-ignored.
            File.WriteAllText(Path.ChangeExtension(path, null).Replace(".verified", string.Empty) + ".received.cs", normalized);
        }

        Assert.Equal(expected, normalized);
    }

    private static bool ShouldUpdate()
        => Environment.GetEnvironmentVariable(UpdateVariable) == "1"
           && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

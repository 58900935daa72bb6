using System;
using System.IO;

namespace TaskGraph.Package.Tests;

/// <summary>
/// The TaskGraph package packed once per test run, from the repository's sources, into a temporary
/// folder feed. Its version is unique to the run (a prerelease of the repository's version), so no
/// package cached by an earlier run can stand in for it.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        RepositoryRoot = TaskGraph.Testing.RepositoryRoot.Path;
        Root = Path.Combine(Path.GetTempPath(), "taskgraph-package-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..12];

        // A private artifacts folder keeps this build's bin/obj apart from the repository's own builds.
        string[] pack =
        [
            "pack", Path.Combine(RepositoryRoot, "src", "Runtime", "TaskGraph.csproj"),
            "-c", "Release", "-o", Feed, "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-p:Version=" + Version, "--disable-build-servers",
        ];
        var (exitCode, output) = ChildProcess.Run("dotnet", pack, RepositoryRoot);
        PackagePath = Path.Combine(Feed, $"TaskGraph.{Version}.nupkg");
        if (exitCode != 0 && output.Contains("MSB4181", StringComparison.Ordinal))
        {
            // NuGet's restore can fail without logging why ("RestoreTask returned false but did not log an error",
            // seen once in CI while the other test projects ran): one more try, keeping both outputs.
            var (retryExitCode, retryOutput) = ChildProcess.Run("dotnet", pack, RepositoryRoot);
            (exitCode, output) = (retryExitCode, output + Environment.NewLine + "(second try)" + Environment.NewLine + retryOutput);
        }

        PackOutput = output;
        if (exitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing TaskGraph failed; expected {PackagePath}.{Environment.NewLine}{output}");
        }
    }

    public string RepositoryRoot { get; }

    /// <summary>The temporary folder holding the feed, the build artifacts and the consumer projects.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath { get; }

    public string PackOutput { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (an antivirus, a lingering build node) must not fail the run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

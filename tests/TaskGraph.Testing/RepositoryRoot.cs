using System;
using System.IO;

namespace TaskGraph.Testing;

/// <summary>The repository's root folder, found from the running test assembly.</summary>
public static class RepositoryRoot
{
    private const string Marker = "Generated.sln";

    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The folder holding <c>Generated.sln</c>, above the test assembly's directory.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        string start = AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {Marker} in {start} or any folder above it: the tests must run from inside the repository.");
    }
}

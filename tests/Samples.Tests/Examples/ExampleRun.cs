using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Samples.Tests.Examples;

/// <summary>One example run as a child process (<c>dotnet exec Examples.dll NAME</c>) in a folder of its own, its output kept whole.</summary>
internal sealed class ExampleRun : IDisposable
{
    /// <summary>A wait that only keeps a broken child from hanging the suite; never what a test asserts.</summary>
    private static readonly TimeSpan HangTimeout = TimeSpan.FromMinutes(2);

    private ExampleRun(int exitCode, string output, string folder)
    {
        ExitCode = exitCode;
        Output = output;
        Folder = folder;
    }

    public int ExitCode { get; }

    /// <summary>Standard output, then standard error.</summary>
    public string Output { get; }

    /// <summary>The child's working directory, where it writes its files; deleted with the run.</summary>
    public string Folder { get; }

    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<ExampleRun> StartAsync(string name)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Examples.dll");
        Assert.True(File.Exists(dll), $"The examples' program is not next to the tests: {dll}");
        string folder = Directory.CreateTempSubdirectory("example-" + name + "-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(name);

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var hang = new CancellationTokenSource(HangTimeout);
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The {name} example did not finish within {HangTimeout}.");
        }

        return new ExampleRun(process.ExitCode, await output + await error, folder);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Samples.Tests.FlightsEtl;

/// <summary>
/// The FlightsEtl program as a child process: the sample's dll, copied next to the test assembly by the
/// project reference, run with <c>dotnet exec</c>; its output is drained (and kept) so it never blocks on a full pipe.
/// </summary>
internal sealed class FlightsProcess : IDisposable
{
    /// <summary>A wait that only keeps a broken child from hanging the suite; never what a test asserts.</summary>
    public static readonly TimeSpan HangTimeout = TimeSpan.FromMinutes(3);

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private FlightsProcess(Process process) => this.process = process;

    /// <summary>The lines the child wrote to standard output and standard error so far.</summary>
    public string Output => string.Join('\n', lines);

    public bool HasExited => process.HasExited;

    public static FlightsProcess Start(params string[] args) => StartSample("FlightsEtl", args);

    /// <summary>Starts the sample program <paramref name="sample"/> (FlightsEtl, CustomEtl) with <paramref name="args"/>.</summary>
    public static FlightsProcess StartSample(string sample, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, sample + ".dll");
        Assert.True(File.Exists(dll), $"The sample's program is not next to the tests: {dll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var child = new FlightsProcess(process);
        process.OutputDataReceived += (_, line) => child.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => child.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the child to exit by itself; returns its exit code.</summary>
    public async Task<int> WaitAsync()
    {
        using var hang = new CancellationTokenSource(HangTimeout);
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"FlightsEtl did not finish within {HangTimeout}; its output:\n{Output}");
        }

        process.WaitForExit(); // lets the output readers reach the end of the streams
        return process.ExitCode;
    }

    /// <summary>Kills the child at once (SIGKILL: no cleanup runs) and waits until it is gone.</summary>
    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited by itself in the meantime.
        }

        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}

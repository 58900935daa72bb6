using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Orleans.Worker;

namespace TaskGraph.Orleans.Tests;

/// <summary>A silo in an OS process of its own (the worker app of TaskGraph.Orleans.Worker), on loopback.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process, int siloPort)
    {
        this.process = process;
        SiloPort = siloPort;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data == "ready")
            {
                ready.TrySetResult();
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"The silo process on port {siloPort} exited with {process.ExitCode} before it was ready."));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int SiloPort { get; }

    /// <summary>Starts <c>dotnet TaskGraph.Orleans.Worker.dll args</c> and waits until its silo has started.</summary>
    public static async Task<SiloProcess> StartAsync(int siloPort, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(WorkerGraphs).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Start();
        var silo = new SiloProcess(process, siloPort);
        await silo.ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return silo;
    }

    /// <summary>Whether <paramref name="silo"/> (a silo address as events name it) is this process's silo.</summary>
    public bool Is(string? silo) => silo is not null && silo.Contains($":{SiloPort}:", StringComparison.Ordinal);

    /// <summary>SIGKILL: the process dies at once, as in a crash.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreePort() => LocalCluster.FreePort();
}

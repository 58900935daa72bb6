using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>One worker process: its output drained (the last lines kept for errors), its input the pipe that keeps it alive.</summary>
internal sealed class LocalWorkerProcess
{
    private readonly Process process;
    private readonly Queue<string> lastLines = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalWorkerProcess(Process process) => this.process = process;

    public Task Ready => ready.Task;

    public static LocalWorkerProcess Start(string program, IReadOnlyList<string> arguments, int siloPort, int gatewayPort, int primaryPort)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[LocalCluster.WorkerVariable] = string.Create(CultureInfo.InvariantCulture, $"{siloPort},{gatewayPort},{primaryPort}");
        var worker = new LocalWorkerProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        worker.process.OutputDataReceived += (_, line) => worker.Keep(line.Data);
        worker.process.ErrorDataReceived += (_, line) => worker.Keep(line.Data);
        worker.process.Exited += (_, _) => worker.ready.TrySetException(new InvalidOperationException(
            $"Worker process {program} (silo port {siloPort}) exited before its silo started; its last output:{Environment.NewLine}{worker.LastOutput()}"));
        worker.process.Start();
        worker.process.BeginOutputReadLine();
        worker.process.BeginErrorReadLine();
        return worker;
    }

    public async Task StopAsync(TimeSpan limit)
    {
        if (!process.HasExited)
        {
            process.StandardInput.Close();
            using var waiting = new CancellationTokenSource(limit);
            try
            {
                await process.WaitForExitAsync(waiting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line == LocalCluster.ReadyLine)
        {
            ready.TrySetResult();
        }

        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > 20)
            {
                lastLines.Dequeue();
            }
        }
    }

    private string LastOutput()
    {
        lock (lastLines)
        {
            return string.Join(Environment.NewLine, lastLines);
        }
    }
}

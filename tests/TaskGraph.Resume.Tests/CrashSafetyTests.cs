using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using TaskGraph.Resume.Worker;
using Xunit;

namespace TaskGraph.Resume.Tests;

/// <summary>
/// A worker process computing a checkpointed graph is killed with SIGKILL at random moments (after a random number
/// of its tasks started, so that the kill lands mid-compute however fast the machine is), then run again:
/// the rerun's value equals an uninterrupted run's, and it runs exactly the tasks whose results were not stored
/// when it started (each run of a task is logged), so no task that had finished before the kill runs again.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("taskgraph-crash-").FullName;

    [Fact]
    public void Killed_runs_resume_with_the_uninterrupted_value_and_rerun_only_unfinished_tasks()
    {
        var random = new Random(15);
        int killedMidway = 0;
        for (int round = 0; round < 8; round++)
        {
            string store = Path.Combine(directory, $"store-{round}.db");
            string log = Path.Combine(directory, $"runs-{round}.log");

            // Two kills on the same store, each at a random moment of the run.
            for (int kill = 0; kill < 2; kill++)
            {
                long before = StoredCount(store);
                Run(store, log, killAtStart: random.Next(3, CrashGraph.TaskCount - 4));
                long after = StoredCount(store);
                killedMidway += after > before && after < CrashGraph.TaskCount ? 1 : 0;
            }

            long stored = StoredCount(store);
            File.Delete(log);
            string output = Run(store, log, killAtStart: null);

            Assert.Equal(CrashGraph.Expected.ToString(System.Globalization.CultureInfo.InvariantCulture), output.Trim());
            string[] rerun = File.Exists(log) ? File.ReadAllLines(log) : [];
            Assert.Equal(rerun.Length, rerun.Distinct().Count());

            // Every task stored is reused or below a reused one; the rerun runs the rest, each once.
            Assert.Equal(CrashGraph.TaskCount - stored, rerun.Length);
        }

        // The kills did land mid-compute (some results stored, not all), or the test proves nothing.
        Assert.True(killedMidway >= 3, $"Only {killedMidway} kills landed mid-compute.");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static long StoredCount(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var store = new SqliteResultStore(path);
        return store.Count;
    }

    /// <summary>
    /// Runs the worker; killed (SIGKILL) as its <paramref name="killAtStart"/>th task of this run starts, when given.
    /// Returns its output.
    /// </summary>
    private static string Run(string store, string log, int? killAtStart)
    {
        string worker = Path.Combine(AppContext.BaseDirectory, "TaskGraph.Resume.Worker.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(worker);
        start.ArgumentList.Add(store);
        start.ArgumentList.Add(log);
        int startedBefore = StartedCount(log);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (killAtStart is { } started)
        {
            while (!process.HasExited && StartedCount(log) - startedBefore < started)
            {
                Thread.Sleep(1);
            }

            // SIGKILL on Unix: no finally block, no flush, no exit handler of the worker runs.
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // It finished first: the rest of the graph was smaller than the kill's count.
            }
        }

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "The worker did not end.");
        if (killAtStart is null)
        {
            Assert.True(process.ExitCode == 0, "The worker failed: " + error.Result);
        }

        return output.Result;
    }

    /// <summary>Task runs the worker has logged so far (each run appends a line as its task starts).</summary>
    private static int StartedCount(string log)
    {
        try
        {
            return File.Exists(log) ? File.ReadAllLines(log).Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

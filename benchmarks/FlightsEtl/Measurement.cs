using System;
using System.Diagnostics;

namespace FlightsEtl.Stages;

/// <summary>One timed run of one stage by one engine: wall and CPU time, summed task time, and what the GC did meanwhile.</summary>
internal sealed record Measurement(
    string Stage, string Engine, TimeSpan Wall, TimeSpan Cpu, TimeSpan TaskTime,
    int Gen0, int Gen1, int Gen2, TimeSpan GcPause, long AllocatedBytes)
{
    /// <summary>Runs <paramref name="run"/> (which returns its summed task time) after a full collection, recording the deltas.</summary>
    public static Measurement Of(string stage, string engine, Func<TimeSpan> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long started = Stopwatch.GetTimestamp();

        var taskTime = run();

        var wall = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        // A gen1 count includes gen2 collections and gen0 includes both: report each generation on its own.
        int g2 = GC.CollectionCount(2) - gen2;
        int g1 = GC.CollectionCount(1) - gen1 - g2;
        int g0 = GC.CollectionCount(0) - gen0 - g1 - g2;
        return new Measurement(stage, engine, wall, process.TotalProcessorTime - cpu, taskTime, g0, g1, g2,
            GC.GetTotalPauseDuration() - pause, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }
}

using System;
using System.Linq;
using TaskGraph;

namespace FlightsEtl.Stages;

/// <summary>
/// The control: pure arithmetic cut into as many chunks as there are files, run by each engine. It has no
/// I/O, no allocation and no GC, so its speed-up is the most parallelism the machine gave this process
/// at that moment; the read stage's speed-up is read against it.
/// </summary>
public static partial class CpuCeiling
{
    private const long IterationsPerChunk = 40_000_000;

    /// <summary>One chunk of work: a dependent chain of multiply-adds the JIT cannot fold away.</summary>
    [Delayed]
    public static long Chunk(long seed)
    {
        long value = seed;
        for (long i = 0; i < IterationsPerChunk; i++)
        {
            value = value * 6364136223846793005L + 1442695040888963407L;
        }

        return value;
    }

    /// <summary>Runs <paramref name="chunks"/> chunks through <paramref name="engine"/>; returns the summed chunk time.</summary>
    public static TimeSpan Run(string engine, int chunks)
    {
        if (engine == "TaskGraph")
        {
            var timer = new TaskTimer();
            Delayed.Compute(Enumerable.Range(0, chunks).Select(i => ChunkDelayed((long)i)), StageRuns.Observed(timer));
            return timer.Total;
        }

        return StageRuns.TimedLoop(chunks, i => Chunk(i), StageRuns.Loop(engine));
    }
}

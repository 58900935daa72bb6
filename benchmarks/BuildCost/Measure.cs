using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace TaskGraph.Benchmarking;

/// <summary>Timing helpers shared by the BuildCost and SeedGraph benchmarks: medians, elapsed time of an action, and the machine's load for each report.</summary>
internal static class Measure
{
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static TimeSpan Time(Action action)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>
    /// The processor time this process spends in <paramref name="action"/>, all its threads together. On
    /// a machine shared with other work, wall time stretches with the load; processor time much less so.
    /// </summary>
    public static TimeSpan ProcessorTime(Action action)
    {
        TimeSpan start = Environment.CpuUsage.TotalTime;
        action();
        return Environment.CpuUsage.TotalTime - start;
    }

    /// <summary>
    /// The processor time of this process's finished child processes and of their own waited-for children
    /// (a <c>dotnet build</c> and the csc it starts), from /proc/self/stat; null where that file is missing.
    /// </summary>
    public static TimeSpan? ChildrenProcessorTime()
    {
        const string StatFile = "/proc/self/stat";
        const double TicksPerSecond = 100; // USER_HZ, 100 on every mainstream Linux architecture.
        if (!File.Exists(StatFile))
        {
            return null;
        }

        // After "pid (name) ", fields start at the state (field 3); cutime and cstime are fields 16 and 17.
        string stat = File.ReadAllText(StatFile);
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[16 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[17 - 3], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }


    /// <summary>The one-minute load average (NaN where /proc/loadavg is missing): a shared machine's noise, written next to each figure.</summary>
    public static double LoadAverage()
    {
        const string LoadAverageFile = "/proc/loadavg";
        return File.Exists(LoadAverageFile)
            ? double.Parse(File.ReadAllText(LoadAverageFile).Split(' ')[0], CultureInfo.InvariantCulture)
            : double.NaN;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

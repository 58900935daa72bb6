using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomEtl;
using SeedGraph;
using TaskGraph;
using static TaskGraph.Benchmarking.Measure;

SeedGraphOptions options;
try
{
    options = SeedGraphOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(SeedGraphOptions.Usage);
    return 2;
}

EtlExample example = EtlExample.Large;
SeedVariant[] variants = { SeedVariant.Async, SeedVariant.Marked, SeedVariant.Unmarked };
CancellationToken none = CancellationToken.None;

// At scale 0 nothing waits: this checks that every variant's tasks make the sample's own graph (same tasks,
// same best score) and warms up the JIT before anything is timed.
var sampleTimings = new TaskTimings();
double sampleResult = await EtlGraph.Build<EtlTasks>(example, options.Seed, 0).ComputeAsync(new ComputeOptions { Observers = new IComputeObserver[] { sampleTimings } }, none);
foreach (SeedVariant variant in variants)
{
    SeedRun check = await SeedRun.MeasureAsync(variant, example, options.Seed, 0, none);
    if (check.Tasks != sampleTimings.Count || check.Result != sampleResult)
    {
        Console.Error.WriteLine($"The {variant.Name} graph differs from samples/CustomEtl's: {check.Tasks} tasks and result {check.Result}, against {sampleTimings.Count} and {sampleResult}.");
        return 1;
    }
}

Console.WriteLine(Invariant($"Seed 004 graph: {example.Files} files, {example.Comparisons} comparisons, {sampleTimings.Count} tasks, seed {options.Seed}, time scale {options.TimeScale}, {Environment.ProcessorCount} cores, default ComputeOptions."));
Console.WriteLine();
Console.WriteLine($"{"run",4} {"variant",-26} {"elapsed",9} {"crit. path",10} {"ratio",7} {"work",8} {"overlap",7} {"threads",7} {"load avg",8}");
var runs = new List<SeedRun>();
for (int round = 1; round <= Math.Max(options.Repeats, options.UnmarkedRepeats); round++)
{
    foreach (SeedVariant variant in variants)
    {
        int repeats = variant == SeedVariant.Unmarked ? options.UnmarkedRepeats : options.Repeats;
        if (round > repeats)
        {
            continue;
        }

        SeedRun run = await SeedRun.MeasureAsync(variant, example, options.Seed, options.TimeScale, none);
        runs.Add(run);
        Console.WriteLine(Invariant($"{round,4} {run.Variant,-26} {run.Elapsed.TotalSeconds,8:F3}s {run.CriticalPath.TotalSeconds,9:F3}s {run.OverCriticalPath,6:F3}x {run.TotalWork.TotalSeconds,7:F2}s {run.TotalWork / run.Elapsed,6:F1}x {run.Threads,7} {run.LoadAverage,8:F2}"));
    }
}

Console.WriteLine();
Console.WriteLine("| variant | runs | elapsed (median) | critical path (median) | elapsed / critical path (median) | range | total work (median) | overlap (work / elapsed) | target |");
Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|---|");
foreach (SeedVariant variant in variants)
{
    SeedRun[] mine = runs.Where(r => r.Variant == variant.Name).ToArray();
    if (mine.Length == 0)
    {
        continue;
    }

    string target = variant == SeedVariant.Async ? "1.03x" : variant == SeedVariant.Marked ? "1.10x" : "(Dask default: 27x)";
    Console.WriteLine(Invariant(
        $"| {variant.Name} | {mine.Length} | {Median(mine.Select(r => r.Elapsed.TotalSeconds)):F3} s | {Median(mine.Select(r => r.CriticalPath.TotalSeconds)):F3} s | {Median(mine.Select(r => r.OverCriticalPath)):F3}x | {mine.Min(r => r.OverCriticalPath):F3}-{mine.Max(r => r.OverCriticalPath):F3}x | {Median(mine.Select(r => r.TotalWork.TotalSeconds)):F1} s | {Median(mine.Select(r => r.TotalWork / r.Elapsed)):F1}x | {target} |"));
}

Console.WriteLine();
Console.WriteLine(Invariant($"Load average (1 min) during the runs: {runs.Min(r => r.LoadAverage):F2} to {runs.Max(r => r.LoadAverage):F2}."));
return 0;

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using FlightsEtl;
using FlightsEtl.Stages;

// Times the flights ETL's read-and-parse stage (per CSV parser) and its load, each engine against the
// others in the same run, repeated; prints medians, the GC's work and the machine's load average.
// Usage: FlightsEtl.Stages [--data DIR] [--rows N] [--files N] [--repeats N] [--db PATH]
var settings = ParseArguments(args);
string dataDirectory = settings.GetValueOrDefault("--data", "data");
long rows = long.Parse(settings.GetValueOrDefault("--rows", FlightsOptions.SeedRows.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
int fileCount = int.Parse(settings.GetValueOrDefault("--files", "10"), CultureInfo.InvariantCulture);
int repeats = int.Parse(settings.GetValueOrDefault("--repeats", "3"), CultureInfo.InvariantCulture);
string database = settings.GetValueOrDefault("--db", "stages.db");

var data = DataGenerator.GenerateOrReuse(new GeneratorSettings(dataDirectory, rows, fileCount, 1990));
var files = data.Files;
Console.WriteLine($"{files.Count} files, {rows:N0} rows; {Environment.ProcessorCount} cores; GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, " +
    $"{(AppContext.TryGetSwitch("System.GC.Concurrent", out bool concurrent) && concurrent ? "concurrent" : "non-concurrent")}, latency mode {GCSettings.LatencyMode}");
string loadBefore = LoadAverage();

var measurements = new List<Measurement>();
var columns = new DelayColumn[files.Count];
for (int repeat = 0; repeat < repeats; repeat++)
{
    foreach (string engine in Rotate(StageRuns.ReadEngines, repeat))
    {
        measurements.Add(Measurement.Of("CPU ceiling (arithmetic)", engine, () => CpuCeiling.Run(engine, files.Count)));
        Console.WriteLine(Describe(measurements[^1]));
    }

    foreach (string engine in Rotate(StageRuns.ReadEngines, repeat))
    {
        measurements.Add(Measurement.Of("Read & parse (Sep)", engine, () => StageRuns.Read(engine, files, new FlightReadOptions(), columns)));
        Console.WriteLine(Describe(measurements[^1]));
    }

    // The load's input, as the pipeline makes it: imputed with the mean, doubled in batches of 4,000.
    var total = DelaySummary.MergeAll(columns.Select(DelaySummary.Of));
    var values = DelayImputer.Concatenate(columns.Select(column => DelayImputer.Impute(column, total.ImputationMean)).ToList());
    var batches = BatchTransform.Split(values).Select(batch => BatchTransform.Apply(batch, TimeSpan.Zero)).ToList();
    foreach (string engine in Rotate(StageRuns.LoadEngines, repeat))
    {
        var target = new SqliteTarget(database, "flights_" + Array.IndexOf(StageRuns.LoadEngines, engine));
        measurements.Add(Measurement.Of("Load", engine, () => StageRuns.Load(engine, batches, total.Rows, target)));
        Console.WriteLine(Describe(measurements[^1]));
    }
}

Console.WriteLine();
Console.WriteLine($"Medians of {repeats} runs; load average before: {loadBefore}, after: {LoadAverage()}");
Console.WriteLine("| Stage | Engine | Wall (s) | Ratio | CPU (s) | CPU / wall | Task time (s) | GC gen0/gen1/gen2 | GC pause (s) | Allocated (MB) |");
Console.WriteLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
foreach (var stage in measurements.GroupBy(m => m.Stage))
{
    string reference = stage.Key == "Load" ? "Bare insert loop" : "Sequential";
    foreach (var engine in stage.GroupBy(m => m.Engine))
    {
        // The ratio to the reference engine is taken within each repeat (same machine load), then the median.
        var ratios = engine.Select((m, i) => stage.Where(r => r.Engine == reference).ElementAt(i).Wall / m.Wall);
        string ratio = engine.Key == reference ? "1.00x" : stage.Key == "Load"
            ? $"{Median(engine.Select((m, i) => m.Wall / stage.Where(r => r.Engine == reference).ElementAt(i).Wall)):F2}x of bare"
            : $"{Median(ratios):F2}x faster";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {stage.Key} | {engine.Key} | {Median(engine.Select(m => m.Wall.TotalSeconds)):F3} | {ratio} | {Median(engine.Select(m => m.Cpu.TotalSeconds)):F3} | " +
            $"{Median(engine.Select(m => m.Cpu / m.Wall)):F2} | {Median(engine.Select(m => m.TaskTime.TotalSeconds)):F3} | " +
            $"{Median(engine.Select(m => (double)m.Gen0)):F0}/{Median(engine.Select(m => (double)m.Gen1)):F0}/{Median(engine.Select(m => (double)m.Gen2)):F0} | " +
            $"{Median(engine.Select(m => m.GcPause.TotalSeconds)):F3} | {Median(engine.Select(m => m.AllocatedBytes / 1e6)):F0} |"));
    }
}

for (int i = 0; i < StageRuns.LoadEngines.Length; i++)
{
    SqliteLoader.DropTable(new SqliteTarget(database, "flights_" + i));
}
return 0;

static string Describe(Measurement m) => string.Create(CultureInfo.InvariantCulture,
    $"{m.Stage,-24} {m.Engine,-18} wall {m.Wall.TotalSeconds,7:F3} s  cpu {m.Cpu.TotalSeconds,7:F3} s  tasks {m.TaskTime.TotalSeconds,7:F3} s  " +
    $"gc {m.Gen0}/{m.Gen1}/{m.Gen2} pause {m.GcPause.TotalSeconds:F3} s  alloc {m.AllocatedBytes / 1e6:F0} MB  load {LoadAverage()}");

static IEnumerable<string> Rotate(string[] engines, int by) => engines.Skip(by % engines.Length).Concat(engines.Take(by % engines.Length));

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static Dictionary<string, string> ParseArguments(string[] args)
{
    var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
    for (int i = 0; i + 1 < args.Length; i += 2)
    {
        parsed[args[i]] = args[i + 1];
    }

    return parsed;
}

using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using FlightsEtl;

namespace TaskGraph.Resume.Benchmarks;

/// <summary>
/// The store on the flights ETL: the transform stage alone (every batch written, or every batch found) against
/// the same transform without a store, and a whole warm <c>--resume</c> rerun (every batch found) against a cold
/// one (a fresh store, every batch written) and against a run without <c>--resume</c>.
/// </summary>
public class FlightsResumeBenchmarks
{
    private const long Rows = 200_000;
    private readonly string directory = Directory.CreateTempSubdirectory("resume-flights-").FullName;
    private ArraySegment<long>[] batches = [];
    private SqliteResultStore transformStore = null!;
    private long transformRun;

    [GlobalSetup]
    public void Prepare()
    {
        var data = DataGenerator.GenerateOrReuse(new GeneratorSettings(Path.Combine(directory, "data"), Rows, 2, 1990));
        long[] values = DelayImputer.Concatenate(data.Files.Select(file => DelayImputer.Impute(CsvFlightReader.ReadDelays(file, new FlightReadOptions()), 0)).ToList());
        batches = BatchTransform.Split(values, BatchTransform.DefaultBatchSize).ToArray();
        transformStore = new SqliteResultStore(Path.Combine(directory, "transform.results"));
        Transform(transformStore);
        FlightsJob.RunAsync(Options(directory, "warm.db", resume: true), SilentProgress.Instance).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Delete()
    {
        transformStore.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int TransformNoStore() => Transform(null);

    /// <summary>Every batch written: the store is cleared first (inside the measurement, one statement).</summary>
    [Benchmark]
    public int TransformWrite()
    {
        transformStore.Clear();
        return Transform(transformStore);
    }

    [Benchmark]
    public int TransformHit() => Transform(transformStore);

    [Benchmark]
    public async Task<long> EtlWithoutResume() => (await FlightsJob.RunAsync(Options(directory, "plain.db", resume: false), SilentProgress.Instance)).TableRows;

    /// <summary>A fresh store each time: every batch transformed and written.</summary>
    [Benchmark]
    public async Task<long> EtlColdResume()
    {
        string store = Path.Combine(directory, $"cold-{transformRun++}.db");
        return (await FlightsJob.RunAsync(Options(directory, Path.GetFileName(store), resume: true), SilentProgress.Instance)).TableRows;
    }

    [Benchmark]
    public async Task<long> EtlWarmResume() => (await FlightsJob.RunAsync(Options(directory, "warm.db", resume: true), SilentProgress.Instance)).TableRows;

    private int Transform(IResultStore? store)
        => Delayed.All(batches.Select(batch => FlightsGraph.TransformDelayed(batch))).Compute(new ComputeOptions { ResultStore = store }).Length;

    private static FlightsOptions Options(string directory, string database, bool resume) => new()
    {
        DataDirectory = Path.Combine(directory, "data"),
        Rows = Rows,
        Files = 2,
        DatabasePath = Path.Combine(directory, database),
        LatencyPerRow = TimeSpan.Zero,
        Baselines = false,
        LogPath = null,
        Quiet = true,
        Resume = resume,
    };
}

using System.IO;
using BenchmarkDotNet.Attributes;

namespace TaskGraph.Resume.Benchmarks;

/// <summary>
/// The SQLite result store's cost per task on graphs of small results, against the same compute without a store
/// (the baseline): <see cref="Write"/> keys every task and writes every result (a fresh seed each time, so
/// nothing is found); <see cref="Hit"/> computes a graph whose results are stored (the wide graph reads every
/// leaf; a chain reads its last step only, and keys the rest).
/// </summary>
[MemoryDiagnoser]
public class ResumeBenchmarks
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"resume-bench-{System.Guid.NewGuid():N}.db");
    private SqliteResultStore store = null!;
    private ComputeOptions options = null!;
    private long seed = 1_000_000;

    [Params(false, true)]
    public bool Chain { get; set; }

    [Params(1_000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void OpenStore()
    {
        store = new SqliteResultStore(path);
        options = new ComputeOptions { ResultStore = store };
        SmallTasks.Build(Chain, Tasks, 0).Compute(options);
    }

    [GlobalCleanup]
    public void DeleteStore()
    {
        store.Dispose();
        foreach (string file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
        {
            File.Delete(file);
        }
    }

    [Benchmark(Baseline = true)]
    public long NoStore() => SmallTasks.Build(Chain, Tasks, seed++).Compute();

    [Benchmark]
    public long Write() => SmallTasks.Build(Chain, Tasks, seed++).Compute(options);

    [Benchmark]
    public long Hit() => SmallTasks.Build(Chain, Tasks, 0).Compute(options);
}

namespace TaskGraph.Benchmarks;

/// <summary>
/// The scheduling suite's per-task cases without a method baseline: here the baseline is the job that runs
/// on the other commit's runtime, so the ratio column reads after / before. The floor (identical code in both
/// jobs) shows how far the machine drifted between them.
/// </summary>
public class PerTaskBenchmarks : PerTaskCases
{
}

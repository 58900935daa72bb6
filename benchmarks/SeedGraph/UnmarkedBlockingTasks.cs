using System.Collections.Generic;
using System.Threading;
using CustomEtl;
using TaskGraph;

namespace SeedGraph;

#pragma warning disable TG1009 // Deliberately unmarked: this is the case being measured.
/// <summary>
/// The same blocking functions without <c>Blocking = true</c>, on purpose: they hold the compute's CPU-sized pool while they
/// sleep, which is what Dask's threaded scheduler does by default. TG1009 warns about exactly this.
/// </summary>
internal sealed partial class UnmarkedBlockingTasks : IEtlTasks
{
    private UnmarkedBlockingTasks()
    {
    }

    [Delayed]
    public static Dataset Load(string address, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.Load(address);
    }

    [Delayed]
    public static Dataset LoadFromSql(string address, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.LoadFromSql(address);
    }

    [Delayed]
    public static Dataset Process(Dataset data, Dataset reference, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.Process(data, reference);
    }

    [Delayed]
    public static Dataset Roll(Dataset a, Dataset b, Dataset c, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.Roll(a, b, c);
    }

    [Delayed]
    public static double Compare(Dataset a, Dataset b, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.Compare(a, b);
    }

    [Delayed]
    public static double Reduction(IReadOnlyList<double> scores, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.Reduction(scores);
    }
}

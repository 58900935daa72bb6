using System.Collections.Generic;
using System.Threading;
using CustomEtl;
using TaskGraph;

namespace SeedGraph;

/// <summary>The seed's six functions written blocking (<c>Thread.Sleep</c>, as the seed's <c>sleep</c>) and marked <c>Blocking = true</c>.</summary>
internal sealed partial class BlockingTasks : IEtlTasks
{
    private BlockingTasks()
    {
    }

    [Delayed(Blocking = true)]
    public static Dataset Load(string address, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.Load(address);
    }

    [Delayed(Blocking = true)]
    public static Dataset LoadFromSql(string address, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.LoadFromSql(address);
    }

    [Delayed(Blocking = true)]
    public static Dataset Process(Dataset data, Dataset reference, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.Process(data, reference);
    }

    [Delayed(Blocking = true)]
    public static Dataset Roll(Dataset a, Dataset b, Dataset c, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.Roll(a, b, c);
    }

    [Delayed(Blocking = true)]
    public static double Compare(Dataset a, Dataset b, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.Compare(a, b);
    }

    [Delayed(Blocking = true)]
    public static double Reduction(IReadOnlyList<double> scores, SimulatedWork work)
    {
        Thread.Sleep(work.Duration);
        return SampleResults.Reduction(scores);
    }
}

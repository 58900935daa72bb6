using System;
using System.Collections.Generic;
using TaskGraph;

namespace CustomEtl;

/// <summary>Builds the seed's graph: load, process with a reference, roll windows of three, compare random pairs, reduce.</summary>
public static class EtlGraph
{
    /// <summary>Builds the graph of <paramref name="example"/>; nothing runs until it is computed.</summary>
    /// <param name="example">How many files and comparisons.</param>
    /// <param name="seed">Seeds the pair choices and the simulated durations.</param>
    /// <param name="timeScale">Multiplies every simulated duration (1 is the seed's latencies).</param>
    /// <typeparam name="TTasks">Whose wrappers make the graph: <see cref="EtlTasks"/>, the sample's async tasks.</typeparam>
    public static Delayed<double> Build<TTasks>(EtlExample example, int seed, double timeScale)
        where TTasks : IEtlTasks
    {
        if (example.Files < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(example), example.Files, "Rolling windows of three need at least 3 files.");
        }

        var random = new Random(seed);
        SimulatedWork Work(double minSeconds, double spreadSeconds)
            => new(TimeSpan.FromSeconds((minSeconds + (random.NextDouble() * spreadSeconds)) * timeScale));

        var data = new List<Delayed<Dataset>>(example.Files);
        for (int i = 0; i < example.Files; i++)
        {
            data.Add(TTasks.LoadDelayed($"mydata-{i}.dat", Work(0, 0.5)));
        }

        Delayed<Dataset> reference = TTasks.LoadFromSqlDelayed("sql://mytable", Work(0.5, 0.5));

        var processed = new List<Delayed<Dataset>>(data.Count);
        foreach (Delayed<Dataset> dataset in data)
        {
            processed.Add(TTasks.ProcessDelayed(dataset, reference, Work(0, 0.5)));
        }

        var rolled = new List<Delayed<Dataset>>(processed.Count - 2);
        for (int i = 0; i < processed.Count - 2; i++)
        {
            rolled.Add(TTasks.RollDelayed(processed[i], processed[i + 1], processed[i + 2], Work(0, 0.2)));
        }

        var compared = new List<Delayed<double>>(example.Comparisons);
        for (int i = 0; i < example.Comparisons; i++)
        {
            Delayed<Dataset> a = rolled[random.Next(rolled.Count)];
            Delayed<Dataset> b = rolled[random.Next(rolled.Count)];
            compared.Add(TTasks.CompareDelayed(a, b, Work(0, 0.1)));
        }

        return TTasks.ReductionDelayed(compared, Work(0, 1.0));
    }
}

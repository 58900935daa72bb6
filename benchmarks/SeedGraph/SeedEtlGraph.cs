using System;
using System.Collections.Generic;
using CustomEtl;
using TaskGraph;

namespace SeedGraph;

/// <summary>
/// The seed's graph, as samples/CustomEtl/EtlGraph.cs builds it (load, process with a reference, roll
/// windows of three, compare random pairs, reduce), with the random draws in the same order, but from
/// any <see cref="EtlWrappers"/>. <see cref="Program"/> checks that it equals the sample's graph.
/// </summary>
internal static class SeedEtlGraph
{
    public static Delayed<double> Build(EtlWrappers tasks, EtlExample example, int seed, double timeScale)
    {
        var random = new Random(seed);
        SimulatedWork Work(double minSeconds, double spreadSeconds)
            => new(TimeSpan.FromSeconds((minSeconds + (random.NextDouble() * spreadSeconds)) * timeScale));

        var data = new List<Delayed<Dataset>>(example.Files);
        for (int i = 0; i < example.Files; i++)
        {
            data.Add(tasks.Load($"mydata-{i}.dat", Work(0, 0.5)));
        }

        Delayed<Dataset> reference = tasks.LoadFromSql("sql://mytable", Work(0.5, 0.5));

        var processed = new List<Delayed<Dataset>>(data.Count);
        foreach (Delayed<Dataset> dataset in data)
        {
            processed.Add(tasks.Process(dataset, reference, Work(0, 0.5)));
        }

        var rolled = new List<Delayed<Dataset>>(processed.Count - 2);
        for (int i = 0; i < processed.Count - 2; i++)
        {
            rolled.Add(tasks.Roll(processed[i], processed[i + 1], processed[i + 2], Work(0, 0.2)));
        }

        var compared = new List<Delayed<double>>(example.Comparisons);
        for (int i = 0; i < example.Comparisons; i++)
        {
            Delayed<Dataset> a = rolled[random.Next(rolled.Count)];
            Delayed<Dataset> b = rolled[random.Next(rolled.Count)];
            compared.Add(tasks.Compare(a, b, Work(0, 0.1)));
        }

        return tasks.Reduction(compared, Work(0, 1.0));
    }
}

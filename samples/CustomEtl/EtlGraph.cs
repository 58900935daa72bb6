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
    /// <param name="tasks">The wrappers the graph is made of; <see cref="EtlWrappers.Async"/> (<see cref="EtlTasks"/>) when <see langword="null"/>.</param>
    public static Delayed<double> Build(EtlExample example, int seed, double timeScale, EtlWrappers? tasks = null)
    {
        tasks ??= EtlWrappers.Async;
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

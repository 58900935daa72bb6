using System;
using System.IO;
using System.Linq;
using TaskGraph;
using TaskGraph.Diagnostics;

namespace Examples;

/// <summary>Pictures of a graph (dask's <c>visualize</c>), coloured by what a compute did: done, failed, not run.</summary>
public static partial class PicturesExample
{
    [Delayed] public static int Load(string name) => name.Length;

    [Delayed] public static int Check(int rows) => rows > 5 ? throw new InvalidDataException($"{rows} rows is too many") : rows;

    [Delayed] public static int Sum(int a, int b) => a + b;

    public static void Run()
    {
        Delayed<int> small = CheckDelayed(LoadDelayed("small"));
        Delayed<int> large = CheckDelayed(LoadDelayed("much larger"));
        Delayed<int> total = SumDelayed(small, large);

        var states = new GraphStateRecorder();
        try
        {
            total.Compute(new ComputeOptions { Observers = [states], Scheduler = ComputeScheduler.Synchronous });
        }
        catch (DelayedTaskException error)
        {
            Console.WriteLine($"{error.Method?.Name} failed: {error.InnerException?.Message}");
        }

        foreach (var (name, task) in new (string, DelayedNode)[] { ("small", small), ("large", large), ("total", total) })
        {
            Console.WriteLine($"{name}: {states.StateOf(task)}");
        }

        File.WriteAllText("pictures.dot", total.ToDot(states));         // Graphviz: dot -Tsvg pictures.dot -o pictures.svg
        File.WriteAllText("pictures.mmd", total.ToMermaid(states));     // Mermaid: GitHub draws it in a ```mermaid block
        File.WriteAllText("both.dot", Delayed.ToDot([small, large]));  // several handles in one picture, no colours
        Console.WriteLine($"wrote pictures.dot, pictures.mmd and both.dot ({File.ReadLines("pictures.dot").Count(line => line.Contains("label="))} tasks)");
    }
}

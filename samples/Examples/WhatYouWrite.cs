using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;
using TaskGraph.Diagnostics;

namespace Examples;

public static partial class WhatYouWrite
{
    [Delayed] public static async Task<int[]> LoadAsync(string path, CancellationToken ct)
    {
        await Task.Delay(20, ct);                                           // I/O: awaited, no thread held
        return path.Select(c => (int)c).ToArray();
    }

    [Delayed] public static int[] Process(int[] data, int[] reference)
        => data.Select((value, i) => value - reference[i % reference.Length]).ToArray();

    [Delayed] public static double Compare(int[] a, int[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Sum();

    [Delayed] public static double Reduction(IReadOnlyList<double> scores) => scores.Max();

    public static async Task RunAsync()
    {
        string[] files = ["mydata-0.dat", "mydata-1.dat", "mydata-2.dat", "mydata-3.dat"];
        var data = files.Select(f => LoadDelayed(f)).ToList();               // nothing runs yet
        Delayed<int[]> reference = LoadDelayed("sql://mytable");
        var processed = data.Select(d => ProcessDelayed(d, reference)).ToList();
        var compared = processed.Zip(processed.Skip(1), (a, b) => CompareDelayed(a, b)).ToList();
        Delayed<double> best = ReductionDelayed(compared);                   // a list of handles is accepted

        using var progress = new ConsoleProgressBar(Console.Out, "best");
        double result = await best.ComputeAsync(new ComputeOptions { Progress = progress }); // runs in parallel
        Console.WriteLine($"best = {result}");
    }
}

using System;
using System.Linq;
using System.Threading.Tasks;
using TaskGraph;
using TaskGraph.Diagnostics;

namespace Examples;

/// <summary>Computing several results at once (dask's <c>compute(a, b)</c>): the tasks they share run once.</summary>
public static partial class MultiOutputExample
{
    [Delayed] public static double[] Load(int count) => Enumerable.Range(1, count).Select(i => (double)i).ToArray();

    [Delayed] public static double Mean(double[] values) => values.Average();

    [Delayed] public static double Max(double[] values) => values.Max();

    public static async Task RunAsync()
    {
        Delayed<double[]> data = LoadDelayed(10);
        Delayed<double> mean = MeanDelayed(data);
        Delayed<double> max = MaxDelayed(data);

        // One compute of both: 3 tasks. mean.Compute() then max.Compute() would run 4, loading twice.
        var trace = new ChromeTraceRecorder();
        var (meanValue, maxValue) = await Delayed.ComputeAsync(mean, max, new ComputeOptions { Observers = [trace] });
        Console.WriteLine($"mean = {meanValue}, max = {maxValue}");
        Console.WriteLine($"tasks run: {trace.TaskCount} (Load once, for both)");
    }
}

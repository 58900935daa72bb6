using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;
using TaskGraph.Diagnostics;

namespace Examples;

/// <summary>Cancelling a compute: running tasks see their token cancelled, nothing new starts, the call throws.</summary>
public static partial class CancellationExample
{
    [Delayed] public static async Task<int> WaitAsync(int seconds, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);              // the compute's token: cancelled with it
        return seconds;
    }

    [Delayed] public static int Sum(int[] values) => values.Sum();

    public static async Task RunAsync()
    {
        var waits = Enumerable.Range(0, 8).Select(i => WaitDelayed(60)).ToList();
        Delayed<int> total = SumDelayed(Delayed.All(waits));

        var states = new GraphStateRecorder();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)); // or Ctrl+C, a request abort...
        try
        {
            await total.ComputeAsync(new ComputeOptions { Observers = [states] }, cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("compute cancelled");
        }

        Console.WriteLine($"waits done: {waits.Count(w => states.StateOf(w) == TaskState.Done)} of {waits.Count}");
        Console.WriteLine($"sum: {states.StateOf(total)}");
    }
}

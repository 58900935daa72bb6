using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;

namespace Examples;

/// <summary>A flaky call retried until it succeeds, and an overrunning call stopped by its timeout.</summary>
public sealed partial class RetriesAndTimeoutsExample
{
    private int attempts;

    // Fails twice, then succeeds: the third of its four allowed attempts returns.
    [Delayed(Retries = 3, RetryDelayMilliseconds = 10)]
    public int Fetch(int page) => Interlocked.Increment(ref attempts) < 3 ? throw new IOException("connection reset") : page * 10;

    // Never ends by itself: after 100 ms its token is cancelled and the call fails with a TaskTimeoutException.
    [Delayed(TimeoutMilliseconds = 100)]
    public static async Task<int> HangAsync(int page, CancellationToken ct)
    {
        await Task.Delay(Timeout.Infinite, ct);
        return page;
    }

    [Delayed] public static int Sum(int[] values) => values.Sum();

    public static async Task RunAsync()
    {
        var site = new RetriesAndTimeoutsExample();
        var options = new ComputeOptions { Observers = [new RetryLog()] };
        int fetched = await SumDelayed(new[] { site.FetchDelayed(1), site.FetchDelayed(2) }).ComputeAsync(options);
        Console.WriteLine($"fetched {fetched}");

        try
        {
            await SumDelayed(new[] { site.FetchDelayed(3), HangDelayed(4) }).ComputeAsync(options);
        }
        catch (DelayedTaskException error) when (error.InnerException is TaskTimeoutException timeout)
        {
            Console.WriteLine($"{error.Method?.Name} timed out after {timeout.Timeout.TotalMilliseconds} ms");
        }
    }

    /// <summary>Observers see every failed attempt that will run again.</summary>
    private sealed class RetryLog : IComputeObserver
    {
        public void OnTaskRetrying(ComputeInfo compute, DelayedNode task, Exception exception, int attempt, TimeSpan delay)
            => Console.WriteLine($"attempt {attempt} of {task.Method?.Name} failed ({exception.Message}); retrying in {delay.TotalMilliseconds} ms");
    }
}

using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using TaskGraph.Dashboard;

namespace TaskGraph.Benchmarks;

/// <summary>
/// What the live dashboard costs per task: the prebuilt wide graph of 100,000 trivial tasks computed without
/// observers (the baseline), with an observer that does nothing (what notifying any observer costs the
/// runtime), with a dashboard that no page watches, and with one whose event stream a client reads
/// throughout (as an open browser tab does). Goal: within 1.2x of the baseline.
/// </summary>
public class DashboardBenchmarks
{
    private const int Tasks = 100_000;

    private Delayed<long> graph = null!;
    private TaskGraphDashboard unwatched = null!;
    private TaskGraphDashboard watched = null!;
    private ComputeOptions unwatchedOptions = null!;
    private ComputeOptions watchedOptions = null!;
    private readonly ComputeOptions idleObserverOptions = new() { Observers = new IComputeObserver[] { new IdleObserver() } };
    private HttpClient page = null!;
    private Task reading = null!;

    [GlobalSetup]
    public void Setup()
    {
        graph = Graphs.Build(Shape.Wide, Tasks);
        unwatched = TaskGraphDashboard.StartAsync(new DashboardOptions { Port = 0 }).GetAwaiter().GetResult();
        watched = TaskGraphDashboard.StartAsync(new DashboardOptions { Port = 0 }).GetAwaiter().GetResult();
        unwatchedOptions = ComputeOptions.Default.WithDashboard(unwatched);
        watchedOptions = ComputeOptions.Default.WithDashboard(watched);
        page = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        reading = ReadAsync(page.GetStreamAsync(new Uri(watched.Address, "events")).GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        watched.DisposeAsync().AsTask().GetAwaiter().GetResult();
        unwatched.DisposeAsync().AsTask().GetAwaiter().GetResult();
        reading.GetAwaiter().GetResult();
        page.Dispose();
    }

    [Benchmark(Baseline = true)]
    public long WithoutDashboard() => graph.Compute();

    [Benchmark]
    public long WithIdleObserver() => graph.Compute(idleObserverOptions);

    [Benchmark]
    public long WithDashboard() => graph.Compute(unwatchedOptions);

    [Benchmark]
    public long WithDashboardAndPage() => graph.Compute(watchedOptions);

    private static async Task ReadAsync(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await stream.ReadAsync(buffer).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (IOException)
        {
            // The dashboard stopped.
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Implements none of the callbacks: the runtime's own cost of notifying an observer.</summary>
    internal sealed class IdleObserver : IComputeObserver
    {
    }
}

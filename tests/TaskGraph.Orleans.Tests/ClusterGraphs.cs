using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TaskGraph.Orleans.Tests;

/// <summary>A value of a user type with no Orleans codec: it travels through the JSON fallback.</summary>
public sealed record Reading(string Station, double[] Values);

/// <summary>The [Delayed] methods the cluster tests run by id (static, so registered). Counters are static: TestCluster's silos share this process.</summary>
public static partial class ClusterGraphs
{
    /// <summary>How many times each key's task ran (across silos and attempts).</summary>
    public static readonly ConcurrentDictionary<string, int> Runs = new();

    /// <summary>Tasks of <see cref="Hold"/> running right now, and the most seen at once.</summary>
    public static int Running;
    public static int MostAtOnce;

    /// <summary>What <see cref="Hold"/> waits for (set by a test; open by default).</summary>
    public static volatile TaskCompletionSource Gate = Open();

    public static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    [Delayed]
    public static Reading Load(string station, int size)
    {
        Runs.AddOrUpdate("Load:" + station, 1, (_, n) => n + 1);
        return new Reading(station, Enumerable.Range(0, size).Select(i => station.Length * 1000.0 + i).ToArray());
    }

    [Delayed]
    public static double Mean(Reading reading) => reading.Values.Average();

    [Delayed]
    public static double Total(IReadOnlyList<double> parts) => parts.Sum();

    [Delayed]
    public static int Increment(int value) => value + 1;

    [Delayed]
    public static int Add(int left, int right) => left + right;

    /// <summary>Returns <paramref name="value"/> after a full garbage collection of this process, which the test cluster's silos share with its client.</summary>
    [Delayed]
    public static int CollectGarbage(int value)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return value;
    }

    [Delayed(Retries = 2)]
    public static int Flaky(string key, int failures)
    {
        int run = Runs.AddOrUpdate("Flaky:" + key, 1, (_, n) => n + 1);
        return run <= failures ? throw new InvalidOperationException($"attempt {run} of {key} fails") : run;
    }

    [Delayed(TimeoutMilliseconds = 100)]
    public static async Task<int> OverrunAsync(int value, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        return value;
    }

    [Delayed]
    public static int Broken(int value) => throw new InvalidOperationException("broken " + value);

    [Delayed]
    public static int Missing(string station) => throw new StationMissingException(station);

    [Delayed]
    public static Func<int> MakeCounter(int start)
    {
        Runs.AddOrUpdate("MakeCounter", 1, (_, n) => n + 1);
        return () => start;
    }

    [Delayed]
    public static async Task<double> Hold(Reading reading, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate("Hold:" + reading.Station, 1, (_, n) => n + 1);
        int now = Interlocked.Increment(ref Running);
        InterlockedMax(ref MostAtOnce, now);
        try
        {
            await Gate.Task.WaitAsync(cancellationToken);
            return reading.Values.Sum();
        }
        finally
        {
            Interlocked.Decrement(ref Running);
        }
    }

    private static void InterlockedMax(ref int location, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref location)) < value && Interlocked.CompareExchange(ref location, value, seen) != seen)
        {
        }
    }
}

/// <summary>A user's exception type: it travels through Orleans' exception codec, never the JSON fallback.</summary>
public sealed class StationMissingException : Exception
{
    public StationMissingException(string station)
        : base($"station {station} is missing")
    {
    }
}

/// <summary>An instance method: its 'this' does not travel, so it cannot run on a cluster.</summary>
public sealed partial class Scaler
{
    private readonly double factor;

    public Scaler(double factor) => this.factor = factor;

    [Delayed]
    public double Scale(double value) => value * factor;
}

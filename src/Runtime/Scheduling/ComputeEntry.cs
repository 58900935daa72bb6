using System;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Execution;

namespace TaskGraph.Scheduling;

/// <summary>
/// What every compute entry point does: checks the targets, starts the options' scheduler
/// (<see cref="ComputeScheduler.StartCompute"/>), reads the targets' values once and lets them go,
/// whatever the read does.
/// </summary>
internal static class ComputeEntry
{
    /// <summary>Computes <paramref name="targets"/>, blocking until no task of the compute runs, and reads the values with <paramref name="read"/>.</summary>
    internal static TResult Run<TResult>(DelayedNode?[] targets, ComputeOptions? options, CancellationToken cancellationToken, Func<TargetResults, TResult> read)
    {
        options ??= ComputeOptions.Default;
        ValueTask<TargetResults> started = options.Scheduler.StartCompute(Checked(targets), options, callerWaits: true, cancellationToken);
        TargetResults results = started.IsCompletedSuccessfully ? started.Result : started.AsTask().GetAwaiter().GetResult();
        try
        {
            return read(results);
        }
        finally
        {
            results.Release();
        }
    }

    /// <summary>Computes <paramref name="targets"/> and reads the values with <paramref name="read"/>. Bad targets throw at once, not through the task.</summary>
    internal static Task<TResult> RunAsync<TResult>(DelayedNode?[] targets, ComputeOptions? options, CancellationToken cancellationToken, Func<TargetResults, TResult> read)
    {
        options ??= ComputeOptions.Default;
        return ReadAsync(options.Scheduler.StartCompute(Checked(targets), options, callerWaits: false, cancellationToken), read);
    }

    private static async Task<TResult> ReadAsync<TResult>(ValueTask<TargetResults> started, Func<TargetResults, TResult> read)
    {
        TargetResults results = await started.ConfigureAwait(false);
        try
        {
            return read(results);
        }
        finally
        {
            results.Release();
        }
    }

    private static DelayedNode[] Checked(DelayedNode?[] targets)
    {
        var checkedTargets = new DelayedNode[targets.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            checkedTargets[i] = targets[i] ?? throw new ArgumentException($"Target {i} of the compute is null.", nameof(targets));
        }

        return checkedTargets;
    }
}

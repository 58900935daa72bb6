using System;
using System.Collections.Concurrent;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// Retries and timeouts for one compute: which tasks have them (their method's own values, else the
/// compute's defaults), each task's failed attempts, the timer of each running attempt that has a
/// timeout, and the queue of tasks due for another attempt. Exists only when the compute or one of its
/// tasks has either, and keeps state only for tasks with a timeout or a failed attempt: a task with a
/// retry budget it does not use allocates nothing here.
/// </summary>
internal sealed class AttemptGuard
{
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(int.MaxValue);

    private readonly int defaultRetries;
    private readonly TimeSpan defaultDelay;
    private readonly TimeSpan? defaultTimeout;
    private ConcurrentDictionary<int, Attempts>? attempts;

    private AttemptGuard(ComputeOptions options)
    {
        defaultRetries = options.Retries;
        defaultDelay = options.RetryDelay;
        defaultTimeout = options.TaskTimeout;
    }

    /// <summary>CPU tasks (by slot) due for another attempt, for the workers to take.</summary>
    internal ConcurrentQueue<int> Retries { get; } = new();

    /// <summary>A guard, or <see langword="null"/> when neither the options nor any of the tasks ask for retries or timeouts.</summary>
    internal static AttemptGuard? Create(ComputeOptions options, ComputePlan plan)
        => options.Retries > 0 || options.TaskTimeout is not null || plan.HasGuardedTask ? new AttemptGuard(options) : null;

    /// <summary>Whether <paramref name="node"/> runs under a retry budget or a timeout in this compute (collections, which have no method, never do).</summary>
    internal bool Applies(DelayedNode node)
        => node.IsGuarded || ((defaultRetries > 0 || defaultTimeout is not null) && node.Method is not null);

    /// <summary>The token for the attempt about to start: the compute's, or with a timeout a linked one that a timer cancels.</summary>
    internal CancellationToken StartAttempt(int slot, DelayedNode node, CancellationToken computeToken)
    {
        if (TimeoutOf(node) is not { } timeout)
        {
            return computeToken;
        }

        var timer = CancellationTokenSource.CreateLinkedTokenSource(computeToken);
        timer.CancelAfter(timeout);
        StateOf(slot).Timer = timer;
        return timer.Token;
    }

    /// <summary>
    /// Ends the attempt's timer. Returns the attempt's failure: <paramref name="failure"/>, or a
    /// <see cref="TaskTimeoutException"/> when the timer fired first (whatever the attempt did then).
    /// </summary>
    internal Exception? EndAttempt(int slot, DelayedNode node, Exception? failure, CancellationToken computeToken)
    {
        if (TimeoutOf(node) is not { } timeout)
        {
            return failure;
        }

        Attempts state = StateOf(slot);
        CancellationTokenSource timer = state.Timer!;
        state.Timer = null;
        bool overran = timer.IsCancellationRequested && !computeToken.IsCancellationRequested;
        timer.Dispose();
        return overran ? new TaskTimeoutException(node.Key, timeout, failure) : failure;
    }

    /// <summary>Counts a failed attempt; <see langword="true"/> when the task has retries left, with the attempt's number and the wait before the next one.</summary>
    internal bool TryRetry(int slot, DelayedNode node, out int attempt, out TimeSpan delay)
    {
        int retries = node.Method is { Retries: > 0 } method ? method.Retries : defaultRetries;
        delay = TimeSpan.Zero;
        attempt = 1;
        if (retries == 0)
        {
            return false;
        }

        Attempts state = StateOf(slot);
        attempt = Interlocked.Increment(ref state.Failed);
        if (attempt > retries)
        {
            return false;
        }

        delay = DelayBefore(node, attempt);
        state.NextDelay = delay;
        return true;
    }

    /// <summary>The wait before the retry that <see cref="TryRetry"/> granted last.</summary>
    internal TimeSpan NextDelay(int slot) => StateOf(slot).NextDelay;

    private TimeSpan? TimeoutOf(DelayedNode node)
        => node.Method switch
        {
            { TimeoutMilliseconds: > 0 } method => TimeSpan.FromMilliseconds(method.TimeoutMilliseconds),
            null => null,
            _ => defaultTimeout,
        };

    /// <summary>The first wait, doubled for each retry after the first, up to the longest wait a timer takes.</summary>
    private TimeSpan DelayBefore(DelayedNode node, int failedAttempts)
    {
        TimeSpan first = node.Method is { RetryDelayMilliseconds: > 0 } method ? TimeSpan.FromMilliseconds(method.RetryDelayMilliseconds) : defaultDelay;
        double ticks = first.Ticks * Math.Pow(2, Math.Min(failedAttempts - 1, 32));
        return ticks >= LongestDelay.Ticks ? LongestDelay : TimeSpan.FromTicks((long)ticks);
    }

    private Attempts StateOf(int slot)
        => LazyInitializer.EnsureInitialized(ref attempts, static () => new ConcurrentDictionary<int, Attempts>())
            .GetOrAdd(slot, static _ => new Attempts());

    /// <summary>One task's attempts in this compute.</summary>
    private sealed class Attempts
    {
        internal int Failed;
        internal TimeSpan NextDelay;
        internal CancellationTokenSource? Timer;
    }
}

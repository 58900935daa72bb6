using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Tests.Reliability;

/// <summary>Issue 6, point 1: <c>[Delayed(TimeoutMilliseconds = t)]</c> and <see cref="ComputeOptions.TaskTimeout"/>.</summary>
public sealed class TimeoutTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Theory]
    [MemberData(nameof(RetryTests.SchedulersAndAsync), MemberType = typeof(RetryTests))]
    public void OverrunningTaskIsCancelledAndFailsWithATimeoutNamingTaskAndLimit(ComputeScheduler scheduler, bool isAsync)
    {
        Delayed<int> slow = RetryTests.Task("Slow", retries: 0, isAsync, (_, ct) =>
        {
            ct.WaitHandle.WaitOne(HangGuard);
            ct.ThrowIfCancellationRequested();
            return 0;
        }, Delayed.Value(0), timeoutMilliseconds: 50);

        var error = Assert.Throws<DelayedTaskException>(() => slow.Compute(new ComputeOptions { Scheduler = scheduler }));

        Assert.Equal(slow.Key, error.TaskKey);
        var timeout = Assert.IsType<TaskTimeoutException>(error.InnerException);
        Assert.Equal(slow.Key, timeout.TaskKey);
        Assert.Equal(TimeSpan.FromMilliseconds(50), timeout.Timeout);
        Assert.IsAssignableFrom<OperationCanceledException>(timeout.InnerException);
        Assert.Contains("timeout of 50 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskThatIgnoresItsTokenFailsWhenItReturns()
    {
        Delayed<int> stubborn = RetryTests.Task("Stubborn", retries: 0, isAsync: false, (_, ct) => ct.WaitHandle.WaitOne(HangGuard) ? 1 : 2, Delayed.Value(0), timeoutMilliseconds: 20);

        var error = Assert.Throws<DelayedTaskException>(() => stubborn.Compute());

        var timeout = Assert.IsType<TaskTimeoutException>(error.InnerException);
        Assert.Null(timeout.InnerException);
    }

    [Fact]
    public void TimeoutCancelsOnlyThatTasksTokenAndARetryRunsIt()
    {
        // "flaky" overruns its first attempt; "neighbour" runs meanwhile and sees its own token untouched.
        int attempts = 0;
        using var firstAttemptTimedOut = new ManualResetEventSlim();
        Delayed<int> flaky = RetryTests.Task("FlakyTimeout", retries: 1, isAsync: false, (value, ct) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                ct.WaitHandle.WaitOne(HangGuard);
                firstAttemptTimedOut.Set();
                ct.ThrowIfCancellationRequested();
            }

            return value + 1;
        }, Delayed.Value(1), timeoutMilliseconds: 30);
        Delayed<int> neighbour = RetryTests.Task("Neighbour", retries: 0, isAsync: false, (_, ct) => firstAttemptTimedOut.Wait(HangGuard) && !ct.IsCancellationRequested ? 1 : 0, Delayed.Value(0));

        var (flakyValue, neighbourValue) = Delayed.Compute(flaky, neighbour, new ComputeOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal(2, flakyValue);
        Assert.Equal(1, neighbourValue);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public void ComputeDefaultTimeoutAppliesAndAMethodsOwnWins()
    {
        static int Waits(int value, CancellationToken ct)
        {
            ct.WaitHandle.WaitOne(HangGuard);
            ct.ThrowIfCancellationRequested();
            return value;
        }

        var options = new ComputeOptions { TaskTimeout = TimeSpan.FromMilliseconds(40) };
        var byDefault = Assert.Throws<DelayedTaskException>(() => RetryTests.Task("ByDefault", 0, false, Waits, Delayed.Value(0)).Compute(options));
        var own = Assert.Throws<DelayedTaskException>(() => RetryTests.Task("Own", 0, false, Waits, Delayed.Value(0), timeoutMilliseconds: 20).Compute(options with { TaskTimeout = TimeSpan.FromHours(1) }));

        Assert.Equal(TimeSpan.FromMilliseconds(40), Assert.IsType<TaskTimeoutException>(byDefault.InnerException).Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(20), Assert.IsType<TaskTimeoutException>(own.InnerException).Timeout);
    }

    [Theory]
    [MemberData(nameof(RetryTests.SchedulersAndAsync), MemberType = typeof(RetryTests))]
    public void TaskWithinItsTimeoutSucceedsWithItsTokenUntouched(ComputeScheduler scheduler, bool isAsync)
    {
        Delayed<int> quick = RetryTests.Task("Quick", retries: 0, isAsync, (value, ct) => ct.IsCancellationRequested ? -1 : value * 2, Arithmetic.IncrementDelayed(20), timeoutMilliseconds: (int)TimeSpan.FromHours(1).TotalMilliseconds);

        Assert.Equal(42, quick.Compute(new ComputeOptions { Scheduler = scheduler, TaskTimeout = TimeSpan.FromHours(1) }));
    }

    [Fact]
    public async Task CancellingTheComputeIsNotATimeout()
    {
        using var cancel = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        Delayed<int> waiting = RetryTests.Task("Waiting", retries: 3, isAsync: false, (_, ct) =>
        {
            started.Set();
            ct.WaitHandle.WaitOne(HangGuard);
            ct.ThrowIfCancellationRequested();
            return 0;
        }, Delayed.Value(0), timeoutMilliseconds: (int)TimeSpan.FromHours(1).TotalMilliseconds);

        Task<int> compute = waiting.ComputeAsync(cancel.Token);
        Assert.True(started.Wait(HangGuard));
        cancel.Cancel();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => compute);
        Assert.Equal(cancel.Token, error.CancellationToken);
    }
}

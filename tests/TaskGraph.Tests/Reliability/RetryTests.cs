using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Diagnostics;
using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Tests.Reliability;

/// <summary>Issue 6, point 1: <c>[Delayed(Retries = n, RetryDelayMilliseconds = d)]</c> and <see cref="ComputeOptions.Retries"/>.</summary>
public sealed class RetryTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static TheoryData<ComputeScheduler, bool> SchedulersAndAsync()
    {
        var data = new TheoryData<ComputeScheduler, bool>();
        foreach (ComputeScheduler scheduler in Schedulers.All())
        {
            data.Add(scheduler, false);
            data.Add(scheduler, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SchedulersAndAsync))]
    public void TaskFailingFewerTimesThanItsBudgetSucceedsWithItsInputsIntact(ComputeScheduler scheduler, bool isAsync)
    {
        int attempts = 0;
        var observer = new RetryObserver();
        Delayed<int> input = Arithmetic.IncrementDelayed(41);
        Delayed<int> flaky = Task("Flaky", retries: 3, isAsync, value => Interlocked.Increment(ref attempts) <= 2 ? throw new System.IO.IOException($"attempt {attempts}") : value, input);

        int result = Arithmetic.IncrementDelayed(flaky).Compute(new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer }, Progress = observer });

        Assert.Equal(43, result);
        Assert.Equal(3, attempts);
        Assert.Equal(new[] { "started", "retrying 1 attempt 1", "started", "retrying 2 attempt 2", "started", "completed" }, observer.EventsOf(flaky));
        Assert.Equal(new ComputeProgress(3, 3, 0, 0), observer.Reports.Last());
    }

    [Fact]
    public void TraceAndActivitiesShowOneSpanPerAttempt()
    {
        int attempts = 0;
        var trace = new ChromeTraceRecorder();
        var stopped = new ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == TaskActivityObserver.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = stopped.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        Delayed<int> flaky = Task("Traced", retries: 2, isAsync: false, value => Interlocked.Increment(ref attempts) <= 2 ? throw new InvalidOperationException("flaky") : value, Delayed.Value(5));

        Assert.Equal(5, flaky.Compute(new ComputeOptions { Observers = new IComputeObserver[] { trace, TaskActivityObserver.Instance } }));

        Assert.Equal(3, trace.TaskCount);
        var spans = stopped.Where(a => (string?)a.GetTagItem(TaskActivityObserver.TaskKeyTag) == flaky.Key).ToArray();
        Assert.Equal(3, spans.Length);
        Assert.Equal(2, spans.Count(a => a.Status == System.Diagnostics.ActivityStatusCode.Error));
    }

    [Theory]
    [MemberData(nameof(SchedulersAndAsync))]
    public void SpentBudgetFailsTheComputeWithTheLastAttemptsError(ComputeScheduler scheduler, bool isAsync)
    {
        int attempts = 0;
        var observer = new RetryObserver();
        Delayed<int> broken = Task("Broken", retries: 2, isAsync, _ => throw new System.IO.IOException($"attempt {Interlocked.Increment(ref attempts)}"), Delayed.Value(1));

        var error = Assert.Throws<DelayedTaskException>(() => broken.Compute(new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer } }));

        Assert.Equal(broken.Key, error.TaskKey);
        Assert.Equal("attempt 3", error.InnerException?.Message);
        Assert.Equal(3, attempts);
        Assert.Equal(new[] { "started", "retrying 1 attempt 1", "started", "retrying 2 attempt 2", "started", "failed attempt 3" }, observer.EventsOf(broken));
    }

    [Fact]
    public void ComputeDefaultAppliesToTasksWithoutTheirOwnAndAMethodsOwnBudgetWins()
    {
        int plainAttempts = 0;
        int ownAttempts = 0;
        Delayed<int> plain = Task("Plain", retries: 0, isAsync: false, _ => Interlocked.Increment(ref plainAttempts) <= 4 ? throw new InvalidOperationException("again") : 1, Delayed.Value(0));
        Delayed<int> own = Task("Own", retries: 1, isAsync: false, _ => throw new InvalidOperationException($"own {Interlocked.Increment(ref ownAttempts)}"), Delayed.Value(0));
        var options = new ComputeOptions { Retries = 4 };

        Assert.Equal(1, plain.Compute(options));
        var error = Assert.Throws<DelayedTaskException>(() => own.Compute(options));

        Assert.Equal(5, plainAttempts);
        Assert.Equal(2, ownAttempts);
        Assert.Equal("own 2", error.InnerException?.Message);
        Assert.Throws<DelayedTaskException>(() => Task("NoBudget", retries: 0, isAsync: false, _ => throw new InvalidOperationException(), Delayed.Value(0)).Compute());
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void DelaysDoubleFromTheFirstOne(ComputeScheduler scheduler)
    {
        var observer = new RetryObserver();
        Delayed<int> always = Task("Always", retries: 4, isAsync: false, _ => throw new InvalidOperationException(), Delayed.Value(0), retryDelayMilliseconds: 1);
        Delayed<int> byDefault = Task("ByDefault", retries: 2, isAsync: false, _ => throw new InvalidOperationException(), Delayed.Value(0));

        Assert.Throws<DelayedTaskException>(() => always.Compute(new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer }, RetryDelay = TimeSpan.FromSeconds(1) }));
        Assert.Throws<DelayedTaskException>(() => byDefault.Compute(new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer }, RetryDelay = TimeSpan.FromMilliseconds(3) }));

        Assert.Equal(new[] { 1.0, 2.0, 4.0, 8.0 }, observer.DelaysOf(always).Select(d => d.TotalMilliseconds));
        Assert.Equal(new[] { 3.0, 6.0 }, observer.DelaysOf(byDefault).Select(d => d.TotalMilliseconds));
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void CancellationDuringABackoffEndsTheWaitAndTheCompute(ComputeScheduler scheduler)
    {
        using var cancel = new CancellationTokenSource();
        using var retrying = new ManualResetEventSlim();
        var observer = new RetryObserver { OnRetrying = retrying.Set };
        int attempts = 0;
        Delayed<int> slow = Task("SlowRetry", retries: 1, isAsync: false, _ => throw new InvalidOperationException($"attempt {Interlocked.Increment(ref attempts)}"), Delayed.Value(0), retryDelayMilliseconds: (int)TimeSpan.FromHours(1).TotalMilliseconds);

        Task<int> compute = System.Threading.Tasks.Task.Run(() => slow.Compute(new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer } }, cancel.Token));
        Assert.True(retrying.Wait(HangGuard));
        cancel.Cancel();

        Assert.True(((IAsyncResult)compute).AsyncWaitHandle.WaitOne(HangGuard), "The compute waited out its hour-long backoff.");
        var error = Assert.ThrowsAny<OperationCanceledException>(() => compute.GetAwaiter().GetResult());
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public void FailureElsewhereDuringABackoffEndsTheWaitAndIsReported()
    {
        using var waiting = new ManualResetEventSlim();
        var observer = new RetryObserver { OnRetrying = waiting.Set };
        Delayed<int> slow = Task("SlowRetry", retries: 1, isAsync: false, _ => throw new InvalidOperationException("slow"), Delayed.Value(0), retryDelayMilliseconds: (int)TimeSpan.FromHours(1).TotalMilliseconds);
        Delayed<int> other = Task("Other", retries: 0, isAsync: false, _ => waiting.Wait(HangGuard) ? throw new FormatException("other") : 0, Delayed.Value(0));

        var error = Assert.Throws<DelayedTaskException>(() => Delayed.Compute(slow, other, new ComputeOptions { MaxDegreeOfParallelism = 2, Observers = new[] { observer } }));

        Assert.Equal(other.Key, error.TaskKey);
    }

    [Fact]
    public void StoppingComputeRetriesNothing()
    {
        // "patient" fails only once the compute has stopped for "failing": that attempt is not retried.
        int attempts = 0;
        using var running = new ManualResetEventSlim();
        Delayed<int> patient = Task("Patient", retries: 5, isAsync: false, (_, ct) =>
        {
            Interlocked.Increment(ref attempts);
            running.Set();
            ct.WaitHandle.WaitOne(HangGuard);
            throw new InvalidOperationException("patient");
        }, Delayed.Value(0));
        Delayed<int> failing = Task("Failing", retries: 0, isAsync: false, _ => running.Wait(HangGuard) ? throw new FormatException("first") : 0, Delayed.Value(0));

        var error = Assert.Throws<DelayedTaskException>(() => Delayed.Compute(failing, patient, new ComputeOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal(failing.Key, error.TaskKey);
        Assert.Equal(1, attempts);
    }

    internal static Delayed<int> Task(string name, int retries, bool isAsync, Func<int, int> body, Delayed<int> input, int retryDelayMilliseconds = 0, int timeoutMilliseconds = 0)
        => Task(name, retries, isAsync, (value, _) => body(value), input, retryDelayMilliseconds, timeoutMilliseconds);

    /// <summary>A task around <paramref name="body"/> (given the argument and the task's token), with the retry and timeout options; an async one yields first.</summary>
    internal static Delayed<int> Task(string name, int retries, bool isAsync, Func<int, CancellationToken, int> body, Delayed<int> input, int retryDelayMilliseconds = 0, int timeoutMilliseconds = 0)
    {
        var method = new DelayedMethod($"M:TaskGraph.Tests.Reliability.{name}(System.Int32)", name, "TaskGraph.Tests.Reliability")
        {
            ParameterNames = new[] { "input" },
            ResultKind = isAsync ? DelayedResultKind.TaskOfResult : DelayedResultKind.Value,
            Retries = retries,
            RetryDelayMilliseconds = retryDelayMilliseconds,
            TimeoutMilliseconds = timeoutMilliseconds,
        };
        return isAsync
            ? DelayedCall.CreateAsync(method, (args, ct) => Yielded(body, args.Get<int>(0), ct), input)
            : DelayedCall.Create(method, (args, ct) => body(args.Get<int>(0), ct), input);

        static async ValueTask<int> Yielded(Func<int, CancellationToken, int> body, int value, CancellationToken ct)
        {
            await System.Threading.Tasks.Task.Yield();
            return body(value, ct);
        }
    }

    /// <summary>Records each task's events, with retries, and the progress reports.</summary>
    private sealed class RetryObserver : IComputeObserver, IProgress<ComputeProgress>
    {
        private readonly ConcurrentQueue<(DelayedNode Task, string Event, TimeSpan Delay)> events = new();
        private readonly ConcurrentQueue<ComputeProgress> reports = new();

        public Action? OnRetrying { get; init; }

        public IReadOnlyList<ComputeProgress> Reports => reports.ToArray();

        public void OnTaskStarted(ComputeInfo compute, DelayedNode task) => events.Enqueue((task, "started", TimeSpan.Zero));

        public void OnTaskCompleted(ComputeInfo compute, DelayedNode task) => events.Enqueue((task, "completed", TimeSpan.Zero));

        public void OnTaskFailed(ComputeInfo compute, DelayedNode task, Exception exception) => events.Enqueue((task, $"failed {exception.Message}", TimeSpan.Zero));

        public void OnTaskRetrying(ComputeInfo compute, DelayedNode task, Exception exception, int attempt, TimeSpan delay)
        {
            events.Enqueue((task, $"retrying {attempt} {exception.Message}", delay));
            OnRetrying?.Invoke();
        }

        public void Report(ComputeProgress value) => reports.Enqueue(value);

        public string[] EventsOf(DelayedNode task) => events.Where(e => e.Task == task).Select(e => e.Event).ToArray();

        public TimeSpan[] DelaysOf(DelayedNode task) => events.Where(e => e.Task == task && e.Event.StartsWith("retrying", StringComparison.Ordinal)).Select(e => e.Delay).ToArray();
    }
}

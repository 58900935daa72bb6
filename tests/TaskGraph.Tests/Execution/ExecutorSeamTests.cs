using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Execution;
using Xunit;

namespace TaskGraph.Tests.Execution;

/// <summary>
/// The executor seam: an executor written outside the runtime assembly only runs ready tasks and reports
/// back; the core keeps the counting, release, retries, timeouts, cancellation, observers and progress.
/// </summary>
public sealed class ExecutorSeamTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public void RunsEveryTaskOnceThroughTheExecutorWithObserversAndProgress()
    {
        var executor = new PoolExecutorScheduler();
        var observer = new RecordingObserver();
        Delayed<int> left = Arithmetic.IncrementDelayed(1);
        Delayed<int> right = Arithmetic.IncrementDelayed(left);
        Delayed<int> target = Arithmetic.AddDelayed(left, right);

        int value = target.Compute(new ComputeOptions { Scheduler = executor, Observers = new[] { observer }, Progress = observer, MaxDegreeOfParallelism = 3 });

        Assert.Equal(5, value);
        Assert.Equal(new[] { left.Key, right.Key, target.Key }, executor.Executed.Select(t => t.Key));
        Assert.All(executor.Executed, t => Assert.Equal(1, t.Attempt));
        Assert.Equal(new[] { false, false, true }, executor.Executed.Select(t => t.IsTarget));
        Assert.Equal(3, executor.Context!.TaskCount);
        Assert.Equal(3, executor.Context.MaxDegreeOfParallelism);
        Assert.Contains($"completed {target.Key}", observer.Events);
        Assert.Equal(ComputeStatus.Succeeded, observer.FinishedStatus);
        Assert.Equal(new ComputeProgress(3, 3, 0, 0), observer.Reports[^1]);
        Assert.Equal(0, executor.RunningAtDispose);
    }

    [Fact]
    public void ReleasesEachResultAfterItsLastConsumerAndNeverATarget()
    {
        var releasedBefore = new ConcurrentDictionary<string, string[]>();
        PoolExecutorScheduler executor = null!;
        executor = new PoolExecutorScheduler
        {
            Run = task =>
            {
                releasedBefore[task.Key] = executor.Released.ToArray();
                return task.InvokeLocallyAsync().AsTask();
            },
        };
        Delayed<int> first = Arithmetic.IncrementDelayed(1);
        Delayed<int> second = Arithmetic.IncrementDelayed(first);
        Delayed<int> third = Arithmetic.IncrementDelayed(second);

        Assert.Equal(4, third.Compute(new ComputeOptions { Scheduler = executor }));

        // first is released once second (its only consumer) finished: before third starts.
        Assert.Equal(new[] { first.Key }, releasedBefore[third.Key]);
        Assert.Equal(new[] { first.Key, second.Key }, executor.Released);
    }

    [Fact]
    public void KeepsResultsUntypedSoAnExecutorMayReportOpaqueTokensForNonTargets()
    {
        // An executor that keeps results where it computed them, reporting only a token to the core.
        var kept = new ConcurrentDictionary<string, int>();
        var executor = new PoolExecutorScheduler
        {
            Run = task =>
            {
                int[] inputs = Enumerable.Range(0, task.ArgumentCount)
                    .Select(i => task.GetArgumentValue(i) is Token token ? kept[token.Key] : (int)task.GetArgumentValue(i)!)
                    .ToArray();
                int value = task.Method!.Name == "Add" ? inputs[0] + inputs[1] : inputs[0] + 1;
                kept[task.Key] = value;
                return Task.FromResult<object?>(task.IsTarget ? value : new Token(task.Key));
            },
        };
        Delayed<int> left = Arithmetic.IncrementDelayed(10);
        Delayed<int> target = Arithmetic.AddDelayed(left, Arithmetic.IncrementDelayed(left));

        Assert.Equal(23, target.Compute(new ComputeOptions { Scheduler = executor }));
    }

    [Fact]
    public void ATargetReportedWithTheWrongTypeFailsNamingTheTask()
    {
        var executor = new PoolExecutorScheduler { Run = _ => Task.FromResult<object?>("not a number") };
        Delayed<int> target = Arithmetic.IncrementDelayed(1);

        var error = Assert.Throws<InvalidCastException>(() => target.Compute(new ComputeOptions { Scheduler = executor }));

        Assert.Contains(target.Key, error.Message);
        Assert.Contains("Int32", error.Message);
    }

    [Fact]
    public void AFailedAttemptIsHandedOverAgainWithTheNextAttemptNumber()
    {
        var observer = new RecordingObserver();
        var executor = new PoolExecutorScheduler
        {
            Run = task => task.Attempt < 3 ? throw new System.IO.IOException($"attempt {task.Attempt}") : task.InvokeLocallyAsync().AsTask(),
        };
        Delayed<int> target = Arithmetic.IncrementDelayed(41);

        int value = target.Compute(new ComputeOptions { Scheduler = executor, Retries = 2, Observers = new[] { observer } });

        Assert.Equal(42, value);
        Assert.Equal(new[] { 1, 2, 3 }, executor.Executed.Select(t => t.Attempt));
        Assert.Equal(3, observer.Events.Count(e => e == $"started {target.Key}"));
        Assert.Equal(1, observer.Events.Count(e => e == $"completed {target.Key}"));
    }

    [Fact]
    public void AFailureNamesTheTaskAndStopsTheCompute()
    {
        var executor = new PoolExecutorScheduler
        {
            Run = task => task.Method!.Name == "Add" ? throw new System.IO.IOException("disk") : task.InvokeLocallyAsync().AsTask(),
        };
        Delayed<int> failing = Arithmetic.AddDelayed(Arithmetic.IncrementDelayed(1), 2);
        Delayed<int> target = Arithmetic.IncrementDelayed(failing);

        var error = Assert.Throws<DelayedTaskException>(() => target.Compute(new ComputeOptions { Scheduler = executor }));

        Assert.Equal(failing.Key, error.TaskKey);
        Assert.IsType<System.IO.IOException>(error.InnerException);
        Assert.DoesNotContain(executor.Executed, t => t.Key == target.Key);
        Assert.Equal(0, executor.RunningAtDispose);
    }

    [Fact]
    public void AnAttemptThatOverrunsItsTimeoutSeesItsTokenCancelledAndFailsWithATimeout()
    {
        var executor = new PoolExecutorScheduler
        {
            Run = async task =>
            {
                await Task.Delay(HangGuard, task.CancellationToken);
                return null;
            },
        };
        Delayed<int> target = Arithmetic.IncrementDelayed(1);

        var error = Assert.Throws<DelayedTaskException>(() => target.Compute(new ComputeOptions { Scheduler = executor, TaskTimeout = TimeSpan.FromMilliseconds(20) }));

        Assert.Equal(target.Key, error.TaskKey);
        Assert.IsType<TaskTimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task TheCallersCancellationReachesTheExecutorAndTheComputeEndsOnceItReported()
    {
        using var cancellation = new CancellationTokenSource();
        using var handedOver = new ManualResetEventSlim();
        var executor = new PoolExecutorScheduler
        {
            Run = async task =>
            {
                handedOver.Set();
                await Task.Delay(HangGuard, task.CancellationToken);
                return null;
            },
        };
        Delayed<int> target = Arithmetic.IncrementDelayed(Arithmetic.IncrementDelayed(1));

        Task<int> compute = target.ComputeAsync(new ComputeOptions { Scheduler = executor }, cancellation.Token);
        Assert.True(handedOver.Wait(HangGuard));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => compute);
        Assert.True(executor.Context!.CancellationToken.IsCancellationRequested);
        Assert.Single(executor.Executed);
        Assert.Equal(0, executor.RunningAtDispose);
    }

    [Fact]
    public void AnExecutorThatThrowsFromExecuteFailsTheTask()
    {
        var scheduler = new ThrowingScheduler();
        Delayed<int> target = Arithmetic.IncrementDelayed(1);

        var error = Assert.Throws<DelayedTaskException>(() => target.Compute(new ComputeOptions { Scheduler = scheduler }));

        Assert.Equal(target.Key, error.TaskKey);
        Assert.Equal("full", error.InnerException!.Message);
    }

    [Fact]
    public void ReportingAnAttemptTwiceIsRefused()
    {
        Exception? second = null;
        using var secondTried = new ManualResetEventSlim();
        var executor = new PoolExecutorScheduler
        {
            Run = task =>
            {
                task.Complete(7);
                second = Record.Exception(() => task.Complete(8));
                secondTried.Set();
                return Task.FromResult<object?>(9);
            },
        };

        // The executor's own report of 9 is a third one: also refused, and the first report stands.
        Assert.Equal(7, Arithmetic.IncrementDelayed(1).Compute(new ComputeOptions { Scheduler = executor }));

        // The first report finishes the compute, so Compute may return before the executor tries again.
        Assert.True(secondTried.Wait(TimeSpan.FromSeconds(30)), "The executor never reported a second time.");
        Assert.IsType<InvalidOperationException>(second);
    }

    [Fact]
    public void ArgumentNodesAndValuesAreThoseOfTheGraph()
    {
        var seen = new ConcurrentDictionary<string, (DelayedNode? Node, object? Value)[]>();
        var executor = new PoolExecutorScheduler
        {
            Run = task =>
            {
                seen[task.Key] = Enumerable.Range(0, task.ArgumentCount).Select(i => (task.GetArgumentNode(i), task.GetArgumentValue(i))).ToArray();
                return task.InvokeLocallyAsync().AsTask();
            },
        };
        Delayed<int> input = Arithmetic.IncrementDelayed(1);
        Delayed<int> target = Arithmetic.AddDelayed(input, 5);

        Assert.Equal(7, target.Compute(new ComputeOptions { Scheduler = executor }));

        (DelayedNode? node, object? value)[] arguments = seen[target.Key];
        Assert.Same(input, arguments[0].node);
        Assert.Equal(2, arguments[0].value);
        Assert.Equal(5, arguments[1].value);
    }

    private sealed record Token(string Key);

    private sealed class ThrowingScheduler : TaskExecutorScheduler
    {
        protected internal override ITaskExecutor CreateExecutor(ExecutorContext context) => new Throwing();

        private sealed class Throwing : ITaskExecutor
        {
            public void Execute(ReadyTask task) => throw new InvalidOperationException("full");

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}

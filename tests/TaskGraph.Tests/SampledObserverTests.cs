using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Scheduling;
using Xunit;

namespace TaskGraph.Tests;

/// <summary>
/// <see cref="IComputeObserver.SampleSpacing"/>: an observer that asks for a spacing hears of one fast task in so many
/// per worker, and of the rest as counts per method (<see cref="IComputeObserver.OnTasksCompleted"/>), all before the
/// compute finishes; other observers still hear of every task.
/// </summary>
public sealed class SampledObserverTests
{
    private const long Spacing = 3_000;

    public static TheoryData<ComputeScheduler> CoreWorkers() => new() { ComputeScheduler.Parallel, ComputeScheduler.Synchronous };

    [Theory]
    [InlineData(3_000 * 30, 30, 1)] // a worker's tasks as far apart as the spacing: each one told
    [InlineData(100 * 300, 300, 30)] // 100 ticks a task: one in 30
    [InlineData(1, 1_000_000, TaskPace.MaxOneIn)] // faster than the clock: capped
    [InlineData(1_000_000_000, 1, 1)] // a long idle gap: the next task is told too
    public void Tasks_faster_than_the_spacing_are_told_one_in_so_many(long elapsed, int starts, int oneIn)
        => Assert.Equal(oneIn, TaskPace.OneIn(elapsed, starts, Spacing));

    [Theory]
    [MemberData(nameof(CoreWorkers))]
    public void Fast_tasks_are_told_one_in_so_many_and_the_rest_counted_per_method_before_the_finish(ComputeScheduler scheduler)
    {
        var sampler = new SamplingObserver(TimeSpan.FromSeconds(1));
        var everyTask = new SamplingObserver(TimeSpan.Zero);

        long sum = Wide(2_000).Compute(new ComputeOptions { Scheduler = scheduler, Observers = new IComputeObserver[] { sampler, everyTask } });

        Assert.Equal(Enumerable.Range(1, 2_000).Sum(), sum);
        ComputeInfo compute = sampler.Compute!;
        Assert.InRange(sampler.Told.Count, 1, compute.TaskCount / 10);
        Assert.Equal(sampler.Told.Keys.OrderBy(task => task.Key), sampler.Completed.Keys.OrderBy(task => task.Key));
        Assert.Equal(compute.TasksPerMethod.Select(row => (row.Method, row.Tasks)), compute.TasksPerMethod.Select(row => (row.Method, sampler.TasksOf(row.Method))));
        Assert.All(sampler.Counts, count => Assert.True(count > 0));
        Assert.False(sampler.CountedAfterFinish);
        Assert.Equal(compute.TaskCount, everyTask.Told.Count);
        Assert.Equal(compute.TaskCount, everyTask.Completed.Count);
        Assert.Empty(everyTask.Counts);
    }

    [Fact]
    public void Tasks_handed_to_an_executor_are_all_told()
    {
        var sampler = new SamplingObserver(TimeSpan.FromSeconds(1));

        Wide(300).Compute(new ComputeOptions { Scheduler = new Execution.PoolExecutorScheduler(), Observers = new[] { sampler } });

        Assert.Equal(sampler.Compute!.TaskCount, sampler.Completed.Count);
        Assert.Empty(sampler.Counts);
    }

    [Fact]
    public void Tasks_with_retries_or_a_timeout_are_all_told()
    {
        var sampler = new SamplingObserver(TimeSpan.FromSeconds(1));

        Wide(300).Compute(new ComputeOptions { Retries = 1, Observers = new[] { sampler } });

        Assert.Equal(sampler.Compute!.TaskCount, sampler.Completed.Count);
        Assert.Empty(sampler.Counts);
    }

    [Fact]
    public void A_task_that_awaits_is_told_of_its_start_before_its_end()
    {
        // A delay, not a yield: a yield's continuation can finish before the worker looks, and the task then completed at once.
        var probe = new Probe(asyncBody: async (_, input, _) =>
        {
            await Task.Delay(5);
            return input;
        });
        var sampler = new SamplingObserver(TimeSpan.FromSeconds(1));
        Delayed<int>[] awaiting = Enumerable.Range(0, 50).Select(i => probe.RunAsyncDelayed("a", i)).ToArray();

        Arithmetic.SumDelayed(Delayed.All(awaiting)).Compute(new ComputeOptions { Observers = new[] { sampler } });

        Assert.All(awaiting, task => Assert.True(sampler.Completed.ContainsKey(task)));
        Assert.Equal(sampler.Told.Keys.OrderBy(task => task.Key), sampler.Completed.Keys.OrderBy(task => task.Key));
        Assert.Empty(sampler.EndsBeforeStarts);
    }

    [Fact]
    public void A_task_that_fails_is_told_of_its_start_before_its_failure()
    {
        // One worker in plan order: after the first two tasks every start is counted, so the failing one's is too.
        var probe = new Probe((_, input, _) => input == 10 ? throw new InvalidOperationException("ten") : input);
        var sampler = new SamplingObserver(TimeSpan.FromSeconds(1));
        Delayed<int>[] tasks = Enumerable.Range(0, 20).Select(i => probe.RunDelayed("r", i)).ToArray();

        Assert.Throws<DelayedTaskException>(() => Arithmetic.SumDelayed(Delayed.All(tasks)).Compute(new ComputeOptions { Scheduler = ComputeScheduler.Synchronous, Observers = new[] { sampler } }));

        Assert.True(sampler.Told.ContainsKey(tasks[10]));
        Assert.Equal(new[] { tasks[10] }, sampler.Failed);
        Assert.Empty(sampler.EndsBeforeStarts);
        Assert.Equal(probe.Calls - 1, sampler.Completed.Count + sampler.Counts.Sum());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_001)]
    public void A_spacing_out_of_range_fails_the_compute_naming_the_observer(int milliseconds)
    {
        var sampler = new SamplingObserver(TimeSpan.FromMilliseconds(milliseconds));

        var error = Assert.Throws<InvalidOperationException>(() => Wide(10).Compute(new ComputeOptions { Observers = new[] { sampler } }));

        Assert.Contains(typeof(SamplingObserver).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains($"sample spacing of {TimeSpan.FromMilliseconds(milliseconds)}", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, sampler.Finishes);
    }

    [Theory]
    [InlineData(nameof(IComputeObserver.SampleSpacing))]
    [InlineData(nameof(IComputeObserver.OnTasksCompleted))]
    public void An_observer_that_throws_in_a_sampling_callback_fails_the_compute_naming_it(string callback)
    {
        var sampler = new SamplingObserver(TimeSpan.FromSeconds(1)) { ThrowIn = callback };

        var error = Assert.Throws<InvalidOperationException>(() => Wide(2_000).Compute(new ComputeOptions { Scheduler = ComputeScheduler.Synchronous, Observers = new[] { sampler } }));

        Assert.Contains($"threw in {callback}", error.Message, StringComparison.Ordinal);
        Assert.IsType<ApplicationException>(error.InnerException);
        Assert.Equal(1, sampler.Finishes);
    }

    /// <summary>The sum of <paramref name="width"/> increments: <paramref name="width"/> + 2 tasks.</summary>
    private static Delayed<long> Wide(int width)
        => Arithmetic.SumDelayed(Delayed.All(Enumerable.Range(0, width).Select(i => Arithmetic.IncrementDelayed(i)).ToArray()));

    /// <summary>Asks for <see cref="spacing"/> and records what it is told and what it is given as counts.</summary>
    private sealed class SamplingObserver : IComputeObserver
    {
        private readonly TimeSpan spacing;
        private readonly ConcurrentDictionary<DelayedMethod, int> countedPerMethod = new();
        private int countedCollections;
        private int finishes;

        public SamplingObserver(TimeSpan spacing) => this.spacing = spacing;

        public string? ThrowIn { get; init; }

        public ComputeInfo? Compute { get; private set; }

        public ConcurrentDictionary<DelayedNode, byte> Told { get; } = new();

        public ConcurrentDictionary<DelayedNode, byte> Completed { get; } = new();

        public ConcurrentQueue<DelayedNode> Failed { get; } = new();

        public ConcurrentQueue<DelayedNode> EndsBeforeStarts { get; } = new();

        public ConcurrentQueue<int> Counts { get; } = new();

        public bool CountedAfterFinish { get; private set; }

        public int Finishes => Volatile.Read(ref finishes);

        public TimeSpan SampleSpacing(ComputeInfo compute)
        {
            Compute = compute;
            Throw(nameof(SampleSpacing));
            return spacing;
        }

        public void OnTaskStarted(ComputeInfo compute, DelayedNode task) => Told[task] = 0;

        public void OnTaskCompleted(ComputeInfo compute, DelayedNode task) => End(task, failed: false);

        public void OnTaskFailed(ComputeInfo compute, DelayedNode task, Exception exception) => End(task, failed: true);

        public void OnTasksCompleted(ComputeInfo compute, DelayedMethod? method, int count)
        {
            CountedAfterFinish |= Finishes > 0;
            Counts.Enqueue(count);
            if (method is null)
            {
                Interlocked.Add(ref countedCollections, count);
            }
            else
            {
                countedPerMethod.AddOrUpdate(method, count, (_, before) => before + count);
            }

            Throw(nameof(OnTasksCompleted));
        }

        public void OnComputeFinished(ComputeInfo compute, ComputeStatus status, Exception? exception) => Interlocked.Increment(ref finishes);

        /// <summary>The tasks of <paramref name="method"/> it heard of, told or counted.</summary>
        public int TasksOf(DelayedMethod? method)
            => Completed.Keys.Count(task => task.Method == method)
                + (method is null ? countedCollections : countedPerMethod.GetValueOrDefault(method));

        private void End(DelayedNode task, bool failed)
        {
            if (!Told.ContainsKey(task))
            {
                EndsBeforeStarts.Enqueue(task);
            }

            if (failed)
            {
                Failed.Enqueue(task);
            }
            else
            {
                Completed[task] = 0;
            }
        }

        private void Throw(string callback)
        {
            if (callback == ThrowIn)
            {
                throw new ApplicationException($"observer broke in {callback}");
            }
        }
    }
}

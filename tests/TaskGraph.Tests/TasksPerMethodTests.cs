using System;
using System.Linq;
using Xunit;

namespace TaskGraph.Tests;

/// <summary><see cref="ComputeInfo.TasksPerMethod"/>: counted while the compute is planned.</summary>
public sealed class TasksPerMethodTests
{
    [Theory]
    [ClassData(typeof(Schedulers))]
    public void Counts_each_methods_tasks_once_with_shared_and_equal_pure_calls_as_one(ComputeScheduler scheduler)
    {
        // Three increments (one shared by two adds), two equal pure squares planned as one, one collection, a sum.
        Delayed<int> shared = Arithmetic.IncrementDelayed(1);
        Delayed<int>[] parts =
        [
            Arithmetic.AddDelayed(shared, Arithmetic.IncrementDelayed(2)),
            Arithmetic.AddDelayed(shared, Arithmetic.IncrementDelayed(3)),
            Arithmetic.PureSquareDelayed(4),
            Arithmetic.PureSquareDelayed(4),
        ];
        var observer = new CountingObserver();

        Arithmetic.SumDelayed(Delayed.All(parts)).Compute(new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer } });

        var counts = observer.Counts!.ToDictionary(c => c.Method?.Name ?? "(collection)", c => c.Tasks);
        Assert.Equal(new[] { ("(collection)", 1), ("Add", 2), ("Increment", 3), ("PureSquare", 1), ("Sum", 1) }, counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)));
        Assert.Equal(observer.TaskCount, counts.Values.Sum());
        Assert.Same(observer.Counts, observer.Info!.TasksPerMethod);
    }

    [Fact]
    public void A_read_after_the_compute_finished_gives_the_counts_taken_while_it_was_planned()
    {
        var observer = new CountingObserver { ReadCounts = false };
        Arithmetic.AddDelayed(Arithmetic.IncrementDelayed(1), Arithmetic.IncrementDelayed(2)).Compute(new ComputeOptions { Observers = new[] { observer } });

        Assert.Equal(new[] { ("Increment", 2), ("Add", 1) }, observer.Info!.TasksPerMethod.Select(c => (c.Method!.Name, c.Tasks)));
    }

    private sealed class CountingObserver : IComputeObserver
    {
        public bool ReadCounts { get; init; } = true;

        public ComputeInfo? Info { get; private set; }

        public System.Collections.Generic.IReadOnlyList<MethodTaskCount>? Counts { get; private set; }

        public int TaskCount => Info!.TaskCount;

        public void OnComputeStarted(ComputeInfo compute)
        {
            Info = compute;
            if (ReadCounts)
            {
                Counts = compute.TasksPerMethod;
            }
        }
    }
}

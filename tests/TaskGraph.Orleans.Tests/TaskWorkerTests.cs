using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace TaskGraph.Orleans.Tests;

/// <summary>Observers on the client learn where each task ran through <see cref="TaskWorker.Current"/>.</summary>
[Collection(TwoSiloCollection.Name)]
public sealed class TaskWorkerTests
{
    private readonly TwoSiloCluster fixture;

    public TaskWorkerTests(TwoSiloCluster fixture) => this.fixture = fixture;

    [Fact]
    public async Task Observers_see_the_silo_at_start_and_the_silo_and_its_thread_at_completion()
    {
        var parts = Enumerable.Range(0, 6).Select(i => ClusterGraphs.IncrementDelayed(i)).ToList();
        var observer = new WorkerObserver();

        await fixture.ComputeAsync(parts, options: new ComputeOptions { Observers = new[] { observer } });

        Assert.Equal(parts.Count, observer.Completed.Count);
        Assert.All(parts, part =>
        {
            string started = observer.Started[part.Key];
            string completed = observer.Completed[part.Key];
            Assert.StartsWith(started + " thread ", completed, StringComparison.Ordinal);
            Assert.True(int.Parse(completed[(started.Length + " thread ".Length)..], System.Globalization.CultureInfo.InvariantCulture) > 0);
        });
        Assert.Null(TaskWorker.Current);
    }

    private sealed class WorkerObserver : IComputeObserver
    {
        public ConcurrentDictionary<string, string> Started { get; } = new();

        public ConcurrentDictionary<string, string> Completed { get; } = new();

        public void OnTaskStarted(ComputeInfo compute, DelayedNode task) => Started[task.Key] = TaskWorker.Current ?? "(none)";

        public void OnTaskCompleted(ComputeInfo compute, DelayedNode task) => Completed[task.Key] = TaskWorker.Current ?? "(none)";
    }
}

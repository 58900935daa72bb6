using System;
using System.Collections.Concurrent;

namespace TaskGraph.Orleans.Tests;

/// <summary>Counts what the caller's side is told about a compute.</summary>
internal sealed class RecordingObserver : IComputeObserver
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public void OnComputeStarted(ComputeInfo compute) => Calls.Enqueue("compute-started:" + compute.TaskCount);

    public void OnTaskStarted(ComputeInfo compute, DelayedNode task) => Calls.Enqueue("started:" + task.Key);

    public void OnTaskCompleted(ComputeInfo compute, DelayedNode task) => Calls.Enqueue("completed:" + task.Key);

    public void OnTaskRetrying(ComputeInfo compute, DelayedNode task, Exception exception, int attempt, TimeSpan delay)
        => Calls.Enqueue($"retrying:{task.Key}:{attempt}:{exception.Message}");

    public void OnTaskFailed(ComputeInfo compute, DelayedNode task, Exception exception) => Calls.Enqueue("failed:" + task.Key);

    public void OnComputeFinished(ComputeInfo compute, ComputeStatus status, Exception? exception) => Calls.Enqueue("finished:" + status);
}

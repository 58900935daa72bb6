using System;
using System.Collections.Generic;

namespace TaskGraph.Tests;

/// <summary>Writes every callback it receives as a line, in order, and every progress snapshot.</summary>
internal sealed class RecordingObserver : IComputeObserver, IProgress<ComputeProgress>
{
    private readonly object gate = new();
    private readonly List<string> events = new();
    private readonly List<ComputeProgress> reports = new();

    public string? ThrowIn { get; init; }

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (gate)
            {
                return events.ToArray();
            }
        }
    }

    public IReadOnlyList<ComputeProgress> Reports
    {
        get
        {
            lock (gate)
            {
                return reports.ToArray();
            }
        }
    }

    public ComputeStatus? FinishedStatus { get; private set; }

    public Exception? FinishedException { get; private set; }

    public void OnComputeStarted(ComputeInfo compute) => Record($"compute started {compute.TaskCount}", nameof(OnComputeStarted));

    public void OnTaskStarted(ComputeInfo compute, DelayedNode task) => Record($"started {task.Key}", nameof(OnTaskStarted));

    public void OnTaskCompleted(ComputeInfo compute, DelayedNode task) => Record($"completed {task.Key}", nameof(OnTaskCompleted));

    public void OnTaskFailed(ComputeInfo compute, DelayedNode task, Exception exception) => Record($"failed {task.Key}", nameof(OnTaskFailed));

    public void OnComputeFinished(ComputeInfo compute, ComputeStatus status, Exception? exception)
    {
        FinishedStatus = status;
        FinishedException = exception;
        Record($"compute finished {status}", nameof(OnComputeFinished));
    }

    public void Report(ComputeProgress value)
    {
        lock (gate)
        {
            reports.Add(value);
        }
    }

    private void Record(string line, string callback)
    {
        lock (gate)
        {
            events.Add(line);
        }

        if (callback == ThrowIn)
        {
            throw new ApplicationException($"observer broke in {callback}");
        }
    }
}

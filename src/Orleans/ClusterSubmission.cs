using System;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Execution;
using TaskGraph.Orleans.Wire;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// The client's end of one compute: raises the caller's observers from task events as they stream in, and completes
/// with the targets' values or the error. A compute restarted after its coordinator's silo died is a new attempt:
/// only the current attempt's messages count, and a task's start or completion is told to the observers once,
/// however often it ran.
/// </summary>
internal sealed class ClusterSubmission
{
    private const byte NotStarted = 0, Running = 1, Done = 2;

    private readonly ExportedGraph graph;
    private readonly GraphEvents events;
    private readonly Action<ComputeEvent>? tap;
    private readonly TaskCompletionSource<object?[]> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] told;
    private int attempt;

    // Orleans keeps a client's observer objects by weak reference only (a collection mid-compute dropped every
    // message, and the caller waited forever): the submission holds the end its coordinator reports to.
    private IComputeEvents? currentEnd;

    public ClusterSubmission(ExportedGraph graph, GraphEvents events, Action<ComputeEvent>? tap)
    {
        this.graph = graph;
        this.events = events;
        this.tap = tap;
        told = new byte[graph.Tasks.Count];
    }

    public Task<object?[]> Outcome => outcome.Task;

    /// <summary>What the finished compute moved between silos (set before <see cref="Outcome"/> completes).</summary>
    public ComputeTraffic Traffic { get; private set; }

    /// <summary>The end the next coordinator reports to; the ends of earlier attempts fall silent.</summary>
    public IComputeEvents NextAttempt() => currentEnd = new AttemptEnd(this, Interlocked.Increment(ref attempt));

    private void OnEvents(int from, ComputeEvent[] batch)
    {
        lock (told)
        {
            if (from != attempt)
            {
                return;
            }

            foreach (var computeEvent in batch)
            {
                tap?.Invoke(computeEvent);
                Tell(computeEvent);
            }
        }
    }

    private void Tell(ComputeEvent computeEvent)
    {
        ref byte state = ref told[computeEvent.Task];
        switch (computeEvent.Kind)
        {
            case ComputeEventKind.Started when state == NotStarted:
                state = Running;
                events.TaskStarted(computeEvent.Task, WorkerOf(computeEvent));
                break;
            case ComputeEventKind.Completed when state != Done:
                // A completion can overtake its start on the way back (they travel in different batches): observers
                // still hear the start first, so that their running counts and timings stay whole.
                if (state == NotStarted)
                {
                    events.TaskStarted(computeEvent.Task, WorkerOf(computeEvent));
                }

                state = Done;
                events.TaskCompleted(computeEvent.Task, WorkerOf(computeEvent));
                break;
            case ComputeEventKind.Retrying when state == Running:
                state = NotStarted;
                events.TaskRetrying(computeEvent.Task, computeEvent.Error ?? new InvalidOperationException("An attempt failed."), computeEvent.Attempt, computeEvent.Delay, WorkerOf(computeEvent));
                break;
        }
    }

    private void OnFinished(int from, object?[] targets, ComputeEvent[] lastEvents, ComputeTraffic traffic)
    {
        OnEvents(from, lastEvents);
        if (from == Volatile.Read(ref attempt))
        {
            Traffic = traffic;
            outcome.TrySetResult(targets);
        }
    }

    private void OnFailed(int from, int task, Exception? error, bool cancelled, ComputeEvent[] lastEvents)
    {
        OnEvents(from, lastEvents);
        if (from != Volatile.Read(ref attempt))
        {
            return;
        }

        if (cancelled)
        {
            outcome.TrySetCanceled();
        }
        else if (task < 0)
        {
            outcome.TrySetException(error ?? new InvalidOperationException("The compute failed on the cluster."));
        }
        else
        {
            var node = graph.Tasks[task].Node;
            var cause = error ?? new InvalidOperationException("The task failed on the cluster.");
            events.TaskFailed(task, cause);
            outcome.TrySetException(new DelayedTaskException(node.Key, node.Method, cause));
        }
    }

    /// <summary>What one coordinator calls: the submission with the attempt it belongs to.</summary>
    private sealed class AttemptEnd : IComputeEvents
    {
        private readonly ClusterSubmission owner;
        private readonly int attempt;

        public AttemptEnd(ClusterSubmission owner, int attempt) => (this.owner, this.attempt) = (owner, attempt);

        public Task OnEvents(ComputeEvent[] events)
        {
            owner.OnEvents(attempt, events);
            return Task.CompletedTask;
        }

        public Task OnFinished(object?[] targets, ComputeEvent[] lastEvents, ComputeTraffic traffic)
        {
            owner.OnFinished(attempt, targets, lastEvents, traffic);
            return Task.CompletedTask;
        }

        public Task OnFailed(int task, Exception? error, bool cancelled, ComputeEvent[] lastEvents)
        {
            owner.OnFailed(attempt, task, error, cancelled, lastEvents);
            return Task.CompletedTask;
        }
    }

    /// <summary>Where the task ran, as observers read it (<see cref="TaskWorker.Current"/>): the silo, and its thread once known.</summary>
    private static string? WorkerOf(ComputeEvent computeEvent)
        => computeEvent.Thread == 0 ? computeEvent.Silo : $"{computeEvent.Silo} thread {computeEvent.Thread}";
}

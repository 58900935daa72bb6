using System;
using System.Threading.Tasks;
using TaskGraph.Execution;
using TaskGraph.Orleans.Wire;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>The client's end of one compute: forwards task events as they stream in and completes with the targets' values or the error.</summary>
internal sealed class ClusterSubmission : IComputeEvents
{
    private readonly ExportedGraph graph;
    private readonly Action<ComputeEvent>? onEvent;
    private readonly TaskCompletionSource<object?[]> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ClusterSubmission(ExportedGraph graph, Action<ComputeEvent>? onEvent)
    {
        this.graph = graph;
        this.onEvent = onEvent;
    }

    public Task<object?[]> Outcome => outcome.Task;

    public Task OnEvents(ComputeEvent[] events)
    {
        if (onEvent is not null)
        {
            foreach (var computeEvent in events)
            {
                onEvent(computeEvent);
            }
        }

        return Task.CompletedTask;
    }

    public Task OnFinished(object?[] targets, ComputeEvent[] lastEvents)
    {
        OnEvents(lastEvents);
        outcome.TrySetResult(targets);
        return Task.CompletedTask;
    }

    public Task OnFailed(int task, Exception? error, bool cancelled, ComputeEvent[] lastEvents)
    {
        OnEvents(lastEvents);
        if (cancelled)
        {
            outcome.TrySetCanceled();
        }
        else
        {
            var node = graph.Tasks[task].Node;
            outcome.TrySetException(new DelayedTaskException(node.Key, node.Method, error ?? new InvalidOperationException("The task failed on the cluster.")));
        }

        return Task.CompletedTask;
    }
}

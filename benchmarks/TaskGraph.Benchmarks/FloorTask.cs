using System;
using System.Threading;

namespace TaskGraph.Benchmarks;

/// <summary>
/// One task of the floor: the least a dependency-counting executor on the .NET thread pool can do per task.
/// An int counter of unfinished inputs, a list of consumers, Interlocked.Decrement, and a thread-pool
/// work item queued when the counter reaches 0. No errors, cancellation, observers, typing or planning.
/// </summary>
public abstract class FloorTask : IThreadPoolWorkItem
{
    private FloorTask[] consumers = Array.Empty<FloorTask>();
    private int inputCount;
    private int remaining;
    private FloorGraph? graph;

    /// <summary>The task's result.</summary>
    public long Value;

    /// <summary>Makes this task wait for <paramref name="input"/>.</summary>
    public void DependOn(FloorTask input)
    {
        inputCount++;
        Array.Resize(ref input.consumers, input.consumers.Length + 1);
        input.consumers[^1] = this;
    }

    /// <summary>Prepares a run: every input unfinished again.</summary>
    public bool Reset(FloorGraph owner)
    {
        graph = owner;
        remaining = inputCount;
        return inputCount == 0;
    }

    void IThreadPoolWorkItem.Execute()
    {
        Value = Run();
        foreach (FloorTask consumer in consumers)
        {
            if (Interlocked.Decrement(ref consumer.remaining) == 0)
            {
                ThreadPool.UnsafeQueueUserWorkItem(consumer, preferLocal: true);
            }
        }

        graph!.TaskFinished();
    }

    /// <summary>The task's work, reading its inputs' values.</summary>
    protected abstract long Run();
}

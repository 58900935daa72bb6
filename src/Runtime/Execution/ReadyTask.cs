using System;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using TaskGraph.Scheduling;

namespace TaskGraph.Execution;

/// <summary>
/// One attempt of a task whose inputs are all finished, handed to an <see cref="ITaskExecutor"/>. The
/// executor reports back exactly once: <see cref="Complete"/>, <see cref="Fail"/> or <see cref="Cancel"/>.
/// A failed attempt with retries left comes back as a new <see cref="ReadyTask"/> (<see cref="Attempt"/> + 1).
/// </summary>
public sealed class ReadyTask
{
    private readonly HandedOverTasks owner;
    private readonly int slot;
    private int reported;

    internal ReadyTask(HandedOverTasks owner, int slot, DelayedNode node, int attempt, bool isTarget, CancellationToken cancellationToken)
    {
        this.owner = owner;
        this.slot = slot;
        Node = node;
        Attempt = attempt;
        IsTarget = isTarget;
        CancellationToken = cancellationToken;
    }

    /// <summary>The node the task runs.</summary>
    public DelayedNode Node { get; }

    /// <summary>The method the task calls; <see langword="null"/> for a collection node (<see cref="Delayed.All{T}(System.Collections.Generic.IEnumerable{Delayed{T}})"/>, list arguments).</summary>
    public DelayedMethod? Method => Node.Method;

    /// <summary>The task's key (<see cref="DelayedNode.Key"/>).</summary>
    public string Key => Node.Key;

    /// <summary>The attempt's number: 1 for the first run.</summary>
    public int Attempt { get; }

    /// <summary>Whether the task is a target of the compute: the executor must then report its real value, which the caller reads as the target's type.</summary>
    public bool IsTarget { get; }

    /// <summary>The number of the task's arguments (constants and null handles included).</summary>
    public int ArgumentCount => Node.Arguments.Count;

    /// <summary>Cancelled when the compute stops and when this attempt's timeout passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The node of argument <paramref name="index"/>; <see langword="null"/> for a null handle.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an argument's position.</exception>
    public DelayedNode? GetArgumentNode(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ArgumentCount);
        return Node.Arguments[index];
    }

    /// <summary>
    /// The value of argument <paramref name="index"/>: a constant's value, <see langword="null"/> for a null
    /// handle, or what the executor reported for the upstream task (<see cref="Complete"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an argument's position.</exception>
    public object? GetArgumentValue(int index) => owner.ArgumentValue(slot, index);

    /// <summary>
    /// Runs the task here, with <see cref="GetArgumentValue"/> as its arguments and <see cref="CancellationToken"/>
    /// as its token; the value is boxed. Does not report anything: the executor still calls <see cref="Complete"/> or <see cref="Fail"/>.
    /// </summary>
    public ValueTask<object?> InvokeLocallyAsync()
    {
        var values = new object?[ArgumentCount];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = GetArgumentValue(i);
        }

        return Node.InvokeWithArgumentsAsync(DelayedArguments.FromValues(values), CancellationToken);
    }

    /// <summary>Reports the attempt's result. For a target, the real value; for any other task, anything the executor's own consumers understand (an opaque token will do).</summary>
    /// <exception cref="InvalidOperationException">The attempt was already reported.</exception>
    public void Complete(object? result) => Report(result, null);

    /// <summary>Reports that the attempt failed with <paramref name="exception"/>: retried when the task has retries left, else the compute fails naming the task.</summary>
    /// <exception cref="InvalidOperationException">The attempt was already reported.</exception>
    public void Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Report(null, exception);
    }

    /// <summary>Reports that the executor gave up because <see cref="CancellationToken"/> was cancelled (a timeout counts as the attempt's failure).</summary>
    /// <exception cref="InvalidOperationException">The attempt was already reported.</exception>
    public void Cancel() => Report(null, new OperationCanceledException(CancellationToken));

    /// <summary>Fails the attempt unless it was reported already (the executor threw from <see cref="ITaskExecutor.Execute"/>).</summary>
    internal void FailUnlessReported(Exception exception)
    {
        if (Interlocked.Exchange(ref reported, 1) == 0)
        {
            owner.End(slot, null, exception);
        }
    }

    private void Report(object? result, Exception? failure)
    {
        if (Interlocked.Exchange(ref reported, 1) != 0)
        {
            throw new InvalidOperationException($"Attempt {Attempt} of task '{Key}' was already reported: an executor reports each attempt once.");
        }

        owner.End(slot, result, failure);
    }
}

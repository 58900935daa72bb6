using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Orleans.Concurrency;
using Orleans.Runtime;
using Orleans.Serialization;
using TaskGraph.Execution;
using TaskGraph.Orleans.Wire;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// The worker of one silo. Reentrant: many tasks run at once (the coordinator bounds how many); the values
/// live in the silo's <see cref="ResultStore"/>, so the grain itself holds nothing and may be reactivated freely.
/// </summary>
[Reentrant]
[WorkerPlacement]
internal sealed class TaskWorkerGrain : Grain, ITaskWorkerGrain
{
    private readonly ResultStore store;
    private readonly Serializer serializer;

    public TaskWorkerGrain(ResultStore store, Serializer serializer)
    {
        this.store = store;
        this.serializer = serializer;
    }

    public async Task<TaskOutcome> Run(UnitRequest request)
    {
        var stop = store.StopToken(request.Compute);
        object? value = null;
        foreach (var step in request.Steps)
        {
            var arguments = new object?[step.Arguments.Length];
            for (int i = 0; i < arguments.Length; i++)
            {
                var input = step.Arguments[i];
                if (input.PreviousStep)
                {
                    arguments[i] = value;
                }
                else if (input.Key is null)
                {
                    arguments[i] = input.Value;
                }
                else if (await FetchInput(request.Compute, input) is (true, var fetched))
                {
                    arguments[i] = fetched;
                }
                else
                {
                    return new TaskOutcome { LostInput = input.Key };
                }
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop);
            if (step.Timeout is { } timeout)
            {
                attempt.CancelAfter(timeout);
            }

            try
            {
                value = await RunStep(step, arguments, attempt.Token);
            }
            catch (Exception exception)
            {
                bool timedOut = step.Timeout is not null && attempt.IsCancellationRequested && !stop.IsCancellationRequested;
                return new TaskOutcome { FailedKey = step.Key, Error = RemoteTaskException.TravelSafe(exception, serializer), TimedOut = timedOut };
            }
        }

        var last = request.Steps[^1];
        long bytes;
        try
        {
            // Measures what moving the value costs (placement weighs it) and proves it can travel before anyone asks for it.
            bytes = serializer.SerializeToArray(value).Length;
        }
        catch (Exception exception)
        {
            return new TaskOutcome
            {
                FailedKey = last.Key,
                Error = new NotSupportedException($"The result of task '{last.Key}' ({value?.GetType().FullName}) cannot travel between silos: {exception.Message} Give the type [GenerateSerializer], or make it a plain type the JSON fallback carries.", exception),
            };
        }

        store.Put(request.Compute, last.Key, value);
        return new TaskOutcome { Bytes = bytes, Value = request.ReturnValue ? value : null };
    }

    public Task<object?> Fetch(Guid compute, string key)
        => store.TryGet(compute, key, out var value)
            ? Task.FromResult(value)
            : throw new KeyNotFoundException($"Silo {RuntimeIdentity} holds no result of task '{key}'.");

    public Task Release(Guid compute, string key)
    {
        store.Remove(compute, key);
        return Task.CompletedTask;
    }

    public Task Forget(Guid compute)
    {
        store.Forget(compute);
        return Task.CompletedTask;
    }

    private static ValueTask<object?> RunStep(TaskStep step, object?[] arguments, CancellationToken cancellationToken)
    {
        if (step.MethodId is null)
        {
            var shape = Type.GetType(step.ResultType, throwOnError: true)!;
            return new ValueTask<object?>(CollectionShapes.Gather(shape, arguments));
        }

        return DelayedMethods.TryGet(step.MethodId, out var method)
            ? method.InvokeAsync(arguments, cancellationToken)
            : throw new InvalidOperationException($"Task '{step.Key}': method {step.MethodId} is not registered on this silo. The silo must load the assembly that declares it (AddTaskGraphWorkers(typeof(SomeType).Assembly)).");
    }

    /// <summary>An input from this silo's store, or from the worker of the silo that holds it; false when it is gone (its holder died or dropped it).</summary>
    private async Task<(bool Found, object? Value)> FetchInput(Guid compute, TaskInput input)
    {
        if (store.TryGet(compute, input.Key!, out var local))
        {
            return (true, local);
        }

        try
        {
            return (true, await GrainFactory.GetGrain<ITaskWorkerGrain>(input.Holder!).Fetch(compute, input.Key!));
        }
        catch (Exception exception) when (exception is KeyNotFoundException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            return (false, null);
        }
    }
}

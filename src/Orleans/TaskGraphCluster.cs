using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;
using TaskGraph.Execution;
using TaskGraph.Orleans.Wire;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// Runs computes on an Orleans cluster whose silos called <see cref="TaskGraphHosting.AddTaskGraphWorkers"/>:
/// one submission per compute, a coordinator inside the cluster, results kept on the silos that computed
/// them, and only the targets' values coming back. Use it as <see cref="ComputeOptions.Scheduler"/>.
/// </summary>
/// <remarks>
/// A task runs at least once: after a lost silo, its tasks and the results it held are recomputed on the
/// survivors; after the loss of the silo that coordinates a compute, the whole compute runs again. Retries, timeouts, cancellation and errors naming the task behave as on one machine.
/// </remarks>
public sealed class TaskGraphCluster : GraphScheduler
{
    private readonly IClusterClient client;
    private readonly Serializer serializer;
    private readonly object trafficGate = new();
    private ComputeTraffic traffic;

    /// <summary>A cluster reached through <paramref name="client"/> (built with <see cref="TaskGraphHosting.AddTaskGraph"/>).</summary>
    /// <param name="client">A connected cluster client, or a silo's own <see cref="IClusterClient"/>.</param>
    /// <param name="options">How the cluster runs computes; the defaults when null.</param>
    public TaskGraphCluster(IClusterClient client, TaskGraphClusterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client;
        // The client's serializer checks, before any task runs, that every value can travel.
        serializer = client.ServiceProvider.GetRequiredService<Serializer>();
        Options = options ?? new TaskGraphClusterOptions();
    }

    /// <summary>How the cluster runs computes.</summary>
    public TaskGraphClusterOptions Options { get; }

    /// <summary>The silo whose coordinator ran the last compute (for diagnostics and tests).</summary>
    public string? LastCoordinator { get; private set; }

    /// <summary>What the computes this scheduler finished moved between silos, against what they produced (locality), in all.</summary>
    public ComputeTraffic Traffic
    {
        get
        {
            lock (trafficGate)
            {
                return traffic;
            }
        }
    }

    /// <summary>Sees every task event as it streams back, with the silo it happened on (for tests).</summary>
    internal Action<ComputeEvent>? EventTap { get; set; }

    /// <inheritdoc/>
    protected override async Task<object?[]> RunGraphAsync(ExportedGraph graph, GraphEvents events, ComputeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var submission = Submission(graph, options);
        var end = new ClusterSubmission(graph, events, EventTap);
        var lost = Guid.Empty;
        while (true)
        {
            var id = Guid.NewGuid();
            var coordinator = client.GetGrain<IComputeGrain>(id);
            var reference = client.CreateObjectReference<IComputeEvents>(end.NextAttempt());
            try
            {
                LastCoordinator = await coordinator.Start(submission, reference, lost).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (await OutcomeArrives(coordinator, end.Outcome, cancellationToken).ConfigureAwait(false))
                {
                    var values = await end.Outcome.ConfigureAwait(false);
                    lock (trafficGate)
                    {
                        traffic = new ComputeTraffic(traffic.BytesProduced + end.Traffic.BytesProduced, traffic.BytesMoved + end.Traffic.BytesMoved);
                    }

                    return values;
                }

                // The coordinator died with its silo: the compute starts again on a survivor.
                lost = id;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stops the tasks on the silos; the caller does not wait for the cluster to confirm.
                _ = coordinator.Cancel();
                throw;
            }
            finally
            {
                client.DeleteObjectReference<IComputeEvents>(reference);
            }
        }
    }

    /// <summary>Waits for the outcome, asking the coordinator every <see cref="TaskGraphClusterOptions.CoordinatorCheckInterval"/> whether it lives; false when it is lost.</summary>
    private async Task<bool> OutcomeArrives(IComputeGrain coordinator, Task outcome, CancellationToken cancellationToken)
    {
        while (await Task.WhenAny(outcome, Task.Delay(Options.CoordinatorCheckInterval, cancellationToken)).ConfigureAwait(false) != outcome)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // A fresh activation (the old one died with its silo) coordinates nothing.
                if (!await coordinator.IsCoordinating().WaitAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }
            catch (Exception exception) when (exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or ConnectionFailedException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The wire form of the graph, after checking that every task's result type and every constant can travel.</summary>
    private GraphSubmission Submission(ExportedGraph graph, ComputeOptions options)
    {
        var tasks = new WireTask[graph.Tasks.Count];
        for (int i = 0; i < tasks.Length; i++)
        {
            var task = graph.Tasks[i];
            CheckTravels(task.Key, task.ResultType, "result");
            var arguments = task.Arguments.Select(a => Wire(task.Key, a)).ToArray();
            var method = task.Node.Method;
            tasks[i] = new WireTask
            {
                Key = task.Key,
                MethodId = task.MethodId,
                ResultType = task.ResultType.AssemblyQualifiedName!,
                Arguments = arguments,
                Retries = method?.Retries ?? 0,
                TimeoutMilliseconds = method?.TimeoutMilliseconds ?? 0,
                RetryDelayMilliseconds = method?.RetryDelayMilliseconds ?? 0,
            };
        }

        return new GraphSubmission
        {
            Tasks = tasks,
            Targets = graph.Targets.Select(t => new WireArgument(t.Task, t.Value)).ToArray(),
            Retries = options.Retries,
            RetryDelay = options.RetryDelay,
            TaskTimeout = options.TaskTimeout,
            MaxInFlightPerSilo = Options.MaxInFlightPerSilo,
            FuseChains = Options.FuseChains,
        };
    }

    private WireArgument Wire(string key, ExportedArgument argument)
    {
        if (argument.IsConstant && argument.Value is { } value)
        {
            CheckTravels(key, value.GetType(), "constant argument");
        }

        return new WireArgument(argument.Task, argument.Value);
    }

    /// <summary>A type without a codec fails here, naming the task, rather than at call time on a silo.</summary>
    private void CheckTravels(string key, Type type, string what)
    {
        bool runtimeTypeDecides = type.IsInterface || type.IsAbstract || type == typeof(object);
        if (!runtimeTypeDecides && !serializer.CanSerialize(type))
        {
            throw new NotSupportedException(
                $"Task '{key}': its {what} type {type.FullName} cannot travel to the cluster. Give it [GenerateSerializer], or make it a plain class, struct or record that System.Text.Json carries (no delegates, pointers, ref structs, streams, tasks or other handles of one process).");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Orleans.Runtime;
using TaskGraph.Orleans.Wire;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// The coordinator of one compute, inside the cluster. State model (all under <see cref="gate"/>):
/// a unit is Waiting until its inputs are Done, then Queued on the silo that holds most of its input bytes,
/// Running once sent to that silo's worker (at most <see cref="GraphSubmission.MaxInFlightPerSilo"/> per silo;
/// an idle silo steals from the back of the longest queue), then Done (its output stays on the worker's silo)
/// and Gone once its last consumer is done (the worker drops it). A failed attempt is queued again while
/// retries last. A lost silo sends its running and queued units elsewhere and turns its Done outputs Gone;
/// every unit that still needs a Gone input makes it run again (lineage), so a task runs at least once.
/// Only the targets' values come back: in their outcome, to this coordinator, then to the client.
/// </summary>
internal sealed partial class ClusterCompute
{
    private readonly Guid id;
    private readonly GraphSubmission submission;
    private readonly IComputeEvents client;
    private readonly EventBatcher events;
    private readonly object gate = new();
    private readonly ScheduledUnit[] units;
    private readonly int[] unitOfTask;
    private readonly Dictionary<string, int> unitOfKey;
    private readonly Dictionary<SiloAddress, SiloLane> lanes;
    private readonly object?[] targetValues;
    private readonly CancellationTokenSource stop = new();
    private int targetsLeft;
    private long bytesProduced;
    private long bytesMoved;
    private bool ended;

    public ClusterCompute(Guid id, GraphSubmission submission, IComputeEvents client, IEnumerable<SiloLane> silos)
    {
        this.id = id;
        this.submission = submission;
        this.client = client;
        events = new EventBatcher(client);
        (units, unitOfTask) = UnitPlan.Build(submission);
        unitOfKey = units.ToDictionary(u => submission.Tasks[u.Output].Key, u => u.Index, StringComparer.Ordinal);
        lanes = silos.ToDictionary(l => l.Silo);
        targetValues = new object?[submission.Targets.Length];
        targetsLeft = units.Count(u => u.IsTarget);
    }

    /// <summary>Cancelled when the compute has ended.</summary>
    public CancellationToken Ended => stop.Token;

    /// <summary>Places every unit without inputs and starts them; the rest follows from outcomes.</summary>
    public void Start()
    {
        var dispatches = new List<(ScheduledUnit, SiloLane, UnitRequest)>();
        lock (gate)
        {
            if (targetsLeft == 0)
            {
                FinishLocked();
                return;
            }

            foreach (var unit in units)
            {
                unit.MissingInputs = unit.Inputs.Count;
                if (unit.MissingInputs == 0)
                {
                    PlaceLocked(unit);
                }
            }

            PumpLocked(dispatches);
        }

        Send(dispatches);
    }

    /// <summary>Stops the compute on the client's request.</summary>
    public void Cancel()
    {
        lock (gate)
        {
            if (ended)
            {
                return;
            }

            EndLocked();
        }

        _ = EndAsync(last => client.OnFailed(-1, null, cancelled: true, last));
    }

    /// <summary>Queues a unit whose inputs are all available on the live silo holding most of their bytes (the least loaded one on a tie).</summary>
    private void PlaceLocked(ScheduledUnit unit)
    {
        SiloLane? best = null;
        long bestBytes = -1;
        foreach (var lane in lanes.Values)
        {
            if (!lane.Alive)
            {
                continue;
            }

            long bytes = InputBytesOn(unit, lane.Silo);
            if (bytes > bestBytes || (bytes == bestBytes && lane.Load < best!.Load))
            {
                (best, bestBytes) = (lane, bytes);
            }
        }

        if (best is null)
        {
            FailLocked(unit.Output, new SiloUnavailableException("No silo of the cluster is alive to run the task."));
            return;
        }

        unit.State = UnitState.Queued;
        best.Queue.AddLast(unit.Index);
    }

    /// <summary>The bytes of <paramref name="unit"/>'s inputs held on <paramref name="silo"/>; all its input bytes when null.</summary>
    private long InputBytesOn(ScheduledUnit unit, SiloAddress? silo)
    {
        long bytes = 0;
        foreach (int input in unit.Inputs)
        {
            if (silo is null || units[input].Holder == silo)
            {
                bytes += units[input].Bytes;
            }
        }

        return bytes;
    }

    /// <summary>Fills every live silo's free slots from its own queue, then by stealing from the longest queue.</summary>
    private void PumpLocked(List<(ScheduledUnit, SiloLane, UnitRequest)> dispatches)
    {
        if (ended)
        {
            return;
        }

        foreach (var lane in lanes.Values)
        {
            while (lane.Alive && lane.InFlight < submission.MaxInFlightPerSilo && TakeLocked(lane) is { } unit)
            {
                unit.State = UnitState.Running;
                unit.Holder = lane.Silo;
                unit.Dispatch++;
                lane.InFlight++;
                bytesMoved += InputBytesOn(unit, silo: null) - InputBytesOn(unit, lane.Silo);
                dispatches.Add((unit, lane, RequestFor(unit)));
            }
        }
    }

    private ScheduledUnit? TakeLocked(SiloLane lane)
    {
        var queue = lane.Queue.Count > 0 ? lane.Queue : lanes.Values.Where(l => l.Queue.Count > 1).MaxBy(l => l.Queue.Count)?.Queue;
        if (queue is null)
        {
            return null;
        }

        // Own work from the front (oldest first); stolen work from the back, away from what its owner takes next.
        var node = queue == lane.Queue ? queue.First! : queue.Last!;
        queue.Remove(node);
        return units[node.Value];
    }

    private UnitRequest RequestFor(ScheduledUnit unit)
    {
        var steps = new TaskStep[unit.Tasks.Count];
        for (int s = 0; s < steps.Length; s++)
        {
            var task = submission.Tasks[unit.Tasks[s]];
            var inputs = new TaskInput[task.Arguments.Length];
            for (int a = 0; a < inputs.Length; a++)
            {
                var argument = task.Arguments[a];
                inputs[a] = argument.Task < 0 ? new TaskInput { Value = argument.Value }
                    : s > 0 && argument.Task == unit.Tasks[s - 1] ? new TaskInput { PreviousStep = true }
                    : new TaskInput { Key = submission.Tasks[argument.Task].Key, Holder = WorkerPlacementDirector.KeyOf(units[unitOfTask[argument.Task]].Holder!) };
            }

            steps[s] = new TaskStep { Key = task.Key, MethodId = task.MethodId, ResultType = task.ResultType, Arguments = inputs, Timeout = TimeoutOf(task) };
        }

        return new UnitRequest { Compute = id, Steps = steps, ReturnValue = unit.IsTarget };
    }

    private TimeSpan? TimeoutOf(WireTask task)
        => task.TimeoutMilliseconds > 0 ? TimeSpan.FromMilliseconds(task.TimeoutMilliseconds) : submission.TaskTimeout;

    /// <summary>Sends the dispatched units, outside the lock; each outcome comes back through <see cref="OnOutcome"/>.</summary>
    private void Send(List<(ScheduledUnit Unit, SiloLane Lane, UnitRequest Request)> dispatches)
    {
        foreach (var (unit, lane, request) in dispatches)
        {
            foreach (int task in unit.Tasks)
            {
                events.Add(new ComputeEvent(task, ComputeEventKind.Started, lane.Silo.ToString()));
            }

            _ = RunAsync(unit, unit.Dispatch, lane, request);
        }
    }

    private async Task RunAsync(ScheduledUnit unit, int dispatch, SiloLane lane, UnitRequest request)
    {
        TaskOutcome outcome;
        try
        {
            outcome = await lane.Worker.Run(request).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsSiloLoss(exception))
        {
            OnSiloLost(lane.Silo);
            return;
        }
        catch (Exception exception)
        {
            outcome = new TaskOutcome { FailedKey = submission.Tasks[unit.Tasks[0]].Key, Error = exception };
        }

        OnOutcome(unit, dispatch, lane, outcome);
    }

    private static bool IsSiloLoss(Exception exception)
        => exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or global::Orleans.Runtime.Messaging.ConnectionFailedException;

    private void OnOutcome(ScheduledUnit unit, int dispatch, SiloLane lane, TaskOutcome outcome)
    {
        var dispatches = new List<(ScheduledUnit, SiloLane, UnitRequest)>();
        lock (gate)
        {
            if (ended || unit.Dispatch != dispatch || unit.State != UnitState.Running)
            {
                return;
            }

            lane.InFlight--;
            if (outcome.LostInput is { } lost)
            {
                RecoverLocked(units[unitOfKey[lost]]);
                unit.State = UnitState.Waiting;
                RequeueWaitingLocked();
            }
            else if (outcome.FailedKey is { } failedKey)
            {
                OnFailureLocked(unit, failedKey, outcome);
            }
            else
            {
                CompleteLocked(unit, lane, outcome);
            }

            PumpLocked(dispatches);
        }

        Send(dispatches);
    }

    private void CompleteLocked(ScheduledUnit unit, SiloLane lane, TaskOutcome outcome)
    {
        unit.State = UnitState.Done;
        unit.Holder = lane.Silo;
        unit.Bytes = outcome.Bytes;
        bytesProduced += outcome.Bytes;
        foreach (int task in unit.Tasks)
        {
            events.Add(new ComputeEvent(task, ComputeEventKind.Completed, lane.Silo.ToString(), Thread: outcome.Thread));
        }

        if (unit.IsTarget)
        {
            for (int t = 0; t < submission.Targets.Length; t++)
            {
                if (submission.Targets[t].Task == unit.Output)
                {
                    targetValues[t] = outcome.Value;
                }
            }

            // A target recomputed for a consumer after a loss was counted the first time.
            if (!unit.TargetDelivered)
            {
                unit.TargetDelivered = true;
                targetsLeft--;
            }
        }

        foreach (int consumer in unit.Consumers)
        {
            var waiting = units[consumer];
            if (waiting.State == UnitState.Waiting && --waiting.MissingInputs == 0)
            {
                PlaceLocked(waiting);
            }
        }

        foreach (int input in unit.Inputs)
        {
            ReleaseIfUnneededLocked(units[input]);
        }

        if (targetsLeft == 0)
        {
            FinishLocked();
        }
    }

    /// <summary>Drops an output once every consumer is done (targets' outputs stay until the end).</summary>
    private void ReleaseIfUnneededLocked(ScheduledUnit unit)
    {
        if (unit.State != UnitState.Done || unit.IsTarget || unit.Consumers.Any(c => units[c].State != UnitState.Done))
        {
            return;
        }

        unit.State = UnitState.Gone;
        if (lanes.TryGetValue(unit.Holder!, out var holder) && holder.Alive)
        {
            _ = holder.Worker.Release(id, submission.Tasks[unit.Output].Key);
        }
    }

    private void OnFailureLocked(ScheduledUnit unit, string failedKey, TaskOutcome outcome)
    {
        int failedTask = unit.Tasks.First(t => submission.Tasks[t].Key == failedKey);
        var task = submission.Tasks[failedTask];
        unit.Failures++;
        int retries = task.Retries > 0 ? task.Retries : submission.Retries;
        Exception error = outcome.TimedOut
            ? new TaskTimeoutException(failedKey, TimeoutOf(task)!.Value, outcome.Error)
            : outcome.Error ?? new InvalidOperationException($"Task '{failedKey}' failed without an exception.");
        if (unit.Failures > retries || stop.IsCancellationRequested)
        {
            FailLocked(failedTask, error);
            return;
        }

        unit.State = UnitState.Delayed;
        TimeSpan first = task.RetryDelayMilliseconds > 0 ? TimeSpan.FromMilliseconds(task.RetryDelayMilliseconds) : submission.RetryDelay;
        TimeSpan delay = first * Math.Pow(2, unit.Failures - 1);
        events.Add(new ComputeEvent(failedTask, ComputeEventKind.Retrying, unit.Holder?.ToString(), error, unit.Failures, delay, outcome.Thread));
        _ = RetryAfter(unit, delay);
    }

    private async Task RetryAfter(ScheduledUnit unit, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var dispatches = new List<(ScheduledUnit, SiloLane, UnitRequest)>();
        lock (gate)
        {
            if (ended || unit.State != UnitState.Delayed)
            {
                return;
            }

            unit.State = UnitState.Waiting;
            RequeueWaitingLocked();
            PumpLocked(dispatches);
        }

        Send(dispatches);
    }

    private void FailLocked(int task, Exception error)
    {
        if (ended)
        {
            return;
        }

        EndLocked();
        _ = EndAsync(last => client.OnFailed(task, error, cancelled: false, last));
    }

    private void FinishLocked()
    {
        EndLocked();
        var values = targetValues;
        foreach (var (target, t) in submission.Targets.Select((target, t) => (target, t)))
        {
            if (target.Task < 0)
            {
                values[t] = target.Value;
            }
        }

        var traffic = new ComputeTraffic(bytesProduced, bytesMoved);
        _ = EndAsync(last => client.OnFinished(values, last, traffic));
    }

    private void EndLocked()
    {
        ended = true;
        stop.Cancel();
    }

    /// <summary>Drops the compute's values on every live silo (which cancels what still runs there), then tells the client how it ended, with the last events.</summary>
    private async Task EndAsync(Func<ComputeEvent[], Task> tellClient)
    {
        foreach (var lane in lanes.Values.Where(l => l.Alive))
        {
            _ = lane.Worker.Forget(id);
        }

        var lastEvents = await events.StopAsync().ConfigureAwait(false);
        try
        {
            try
            {
                await tellClient(lastEvents).ConfigureAwait(false);
            }
            catch (Exception untravelled) when (untravelled is not (OrleansException or TimeoutException))
            {
                // The outcome could not be serialized (say, an exception holding a handle): the client must not wait
                // for it forever, so it hears of the failure as text.
                var failure = new InvalidOperationException($"The compute's outcome could not travel to the client: {untravelled.Message}");
                await client.OnFailed(-1, failure, cancelled: false, Array.Empty<ComputeEvent>()).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            // The client went away (it stopped waiting after cancelling, or restarted the compute): nobody is left to tell.
        }
    }
}

using System.Threading.Tasks;
using TaskGraph.Orleans.Wire;

using Orleans;
using Orleans.Concurrency;

namespace TaskGraph.Orleans;

/// <summary>The coordinator of one compute (keyed by a fresh id): schedules its tasks on the silos' workers.</summary>
internal interface IComputeGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Starts the compute and returns at once with the coordinator's silo; the outcome arrives through <paramref name="events"/>.
    /// <paramref name="replaces"/> (or <see cref="System.Guid.Empty"/>) is the compute this one restarts after its coordinator's silo died: the workers drop it.
    /// </summary>
    Task<string> Start(GraphSubmission submission, IComputeEvents events, System.Guid replaces);

    /// <summary>Whether this activation coordinates a compute: false when it is a fresh one because the coordinator's silo died.</summary>
    Task<bool> IsCoordinating();

    /// <summary>Stops the compute: nothing new starts, running tasks see their token cancelled.</summary>
    Task Cancel();
}

/// <summary>The client's end of a compute: task events in batches, then exactly one of finished or failed.</summary>
internal interface IComputeEvents : IGrainObserver
{
    /// <summary>
    /// A batch of task events. Answered, so that the next batch and the compute's last message go only after it:
    /// one-way messages are not kept in order (a fresh-clone CI run heard 2 of 26 completions before the outcome).
    /// </summary>
    Task OnEvents(ComputeEvent[] events);

    /// <summary>The targets' values, in the submission's order, with the events not sent yet and what moved between silos. Answered, so the coordinator knows it arrived.</summary>
    Task OnFinished(object?[] targets, ComputeEvent[] lastEvents, ComputeTraffic traffic);

    /// <summary>
    /// Task <paramref name="task"/> failed for good, with the events not sent yet. Task -1: the compute was
    /// <paramref name="cancelled"/>, or failed as a whole with <paramref name="error"/> (its outcome could not travel).
    /// Answered, so the coordinator knows it arrived.
    /// </summary>
    Task OnFailed(int task, System.Exception? error, bool cancelled, ComputeEvent[] lastEvents);
}

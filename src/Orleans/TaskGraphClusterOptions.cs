using System;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>How a cluster runs computes.</summary>
public sealed record TaskGraphClusterOptions
{
    /// <summary>Tasks in flight on one silo at most (more wait in its queue, where an idle silo may steal them). Default 64.</summary>
    public int MaxInFlightPerSilo { get; init; } = 64;

    /// <summary>Whether a linear chain whose intermediates have no other consumer runs as one remote task. Default on.</summary>
    public bool FuseChains { get; init; } = true;

    /// <summary>
    /// How often the client asks whether its compute's coordinator still lives. When the coordinator's silo has died,
    /// the client submits the compute again to a coordinator on a survivor (its tasks then run again). Default 1 s.
    /// </summary>
    public TimeSpan CoordinatorCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}

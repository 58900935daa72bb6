using System;
using System.Threading.Tasks;
using TaskGraph.Orleans.Wire;

using Orleans;
using Orleans.Concurrency;

namespace TaskGraph.Orleans;

/// <summary>The one worker of a silo (keyed by the silo's address): runs tasks and serves the results its silo holds.</summary>
internal interface ITaskWorkerGrain : IGrainWithStringKey
{
    /// <summary>Runs a task (or fused chain), fetching remote inputs from their holders; keeps the value in this silo's store.</summary>
    [ResponseTimeout("1.00:00:00")]
    Task<TaskOutcome> Run(UnitRequest request);

    /// <summary>A value this silo holds; <see cref="System.Collections.Generic.KeyNotFoundException"/> when it does not hold it.</summary>
    Task<object?> Fetch(Guid compute, string key);

    /// <summary>Drops a value nobody needs any more.</summary>
    [OneWay]
    Task Release(Guid compute, string key);

    /// <summary>Cancels what still runs of a compute and drops all its values.</summary>
    [OneWay]
    Task Forget(Guid compute);
}

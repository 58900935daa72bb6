using System;
using System.Linq;
using System.Threading.Tasks;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>Places a worker on the silo its key names (the key is the silo's address): one worker per silo.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
internal sealed class WorkerPlacementStrategy : PlacementStrategy
{
}

/// <summary>Marks the worker grain with <see cref="WorkerPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class WorkerPlacementAttribute : PlacementAttribute
{
    public WorkerPlacementAttribute()
        : base(new WorkerPlacementStrategy())
    {
    }
}

/// <summary>Puts the worker keyed by a silo's address on that silo, and refuses when the silo is not active.</summary>
internal sealed class WorkerPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silo = SiloAddress.FromParsableString(target.GrainIdentity.Key.ToString()!);
        return context.GetCompatibleSilos(target).Contains(silo)
            ? Task.FromResult(silo)
            : throw new SiloUnavailableException($"The TaskGraph worker of silo {silo} cannot start: the silo is not active in the cluster.");
    }

    /// <summary>The key of the worker on <paramref name="silo"/>.</summary>
    public static string KeyOf(SiloAddress silo) => silo.ToParsableString();
}

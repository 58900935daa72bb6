using System;
using System.Linq;
using System.Threading.Tasks;
using Orleans.Runtime;
using TaskGraph.Orleans.Wire;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// Hosts the coordinator of one compute on a silo. The coordinator runs outside the grain's turns (it waits
/// on many workers at once); the grain starts it and forwards cancellation. It lives on the silo the client
/// called (its gateway), so a client that talks to one silo knows where its computes are coordinated.
/// </summary>
[global::Orleans.Placement.PreferLocalPlacement]
internal sealed class ComputeGrain : Grain, IComputeGrain
{
    private readonly IClusterMembershipService membership;
    private readonly ILocalSiloDetails localSilo;
    private ClusterCompute? compute;

    public ComputeGrain(IClusterMembershipService membership, ILocalSiloDetails localSilo)
    {
        this.membership = membership;
        this.localSilo = localSilo;
    }

    public Task<string> Start(GraphSubmission submission, IComputeEvents events, Guid replaces)
    {
        if (compute is not null)
        {
            throw new InvalidOperationException($"Compute {this.GetPrimaryKey()} was already started.");
        }

        var silos = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .Select(m => new SiloLane(m.SiloAddress, GrainFactory.GetGrain<ITaskWorkerGrain>(WorkerPlacementDirector.KeyOf(m.SiloAddress))))
            .ToList();
        if (replaces != Guid.Empty)
        {
            // The restarted compute's tasks still running on the survivors stop, and its results go.
            silos.ForEach(lane => _ = lane.Worker.Forget(replaces));
        }

        compute = new ClusterCompute(this.GetPrimaryKey(), submission, events, silos);
        var started = compute;
        // Outside the grain's turns: the watch lasts as long as the compute.
        _ = Task.Run(() => started.WatchMembership(membership));
        started.Start();
        return Task.FromResult(localSilo.SiloAddress.ToString());
    }

    public Task<bool> IsCoordinating() => Task.FromResult(compute is not null);

    public Task Cancel()
    {
        compute?.Cancel();
        return Task.CompletedTask;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Orleans.Runtime;
using TaskGraph.Orleans.Wire;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>Recovery from a lost silo: what ran or waited there goes elsewhere, what it held is recomputed from lineage when still needed.</summary>
internal sealed partial class ClusterCompute
{
    /// <summary>Tells this compute of every silo that membership declares dead, until the compute ends.</summary>
    public async Task WatchMembership(IClusterMembershipService membership)
    {
        var since = membership.CurrentSnapshot.Version;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(Ended).ConfigureAwait(false))
            {
                if (snapshot.Version > since)
                {
                    foreach (var member in snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead))
                    {
                        OnSiloLost(member.SiloAddress);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The compute ended.
        }
    }

    /// <summary>A silo died (membership said so, or a call to it failed as only a dead silo's calls do).</summary>
    public void OnSiloLost(SiloAddress silo)
    {
        var dispatches = new List<(ScheduledUnit, SiloLane, UnitRequest)>();
        lock (gate)
        {
            if (ended || !lanes.TryGetValue(silo, out var lane) || !lane.Alive)
            {
                return;
            }

            lane.Alive = false;
            lane.InFlight = 0;
            foreach (int queued in lane.Queue)
            {
                units[queued].State = UnitState.Waiting;
            }

            lane.Queue.Clear();
            foreach (var unit in units)
            {
                if (unit.Holder == silo && unit.State is UnitState.Running or UnitState.Done)
                {
                    // A running unit runs again elsewhere (its late outcome is stale); a held output is gone.
                    unit.State = unit.State == UnitState.Running ? UnitState.Waiting : UnitState.Gone;
                }
            }

            RequeueWaitingLocked();
            PumpLocked(dispatches);
        }

        Send(dispatches);
    }

    /// <summary>A worker could not fetch <paramref name="unit"/>'s output from its holder: it is gone.</summary>
    private void RecoverLocked(ScheduledUnit unit)
    {
        if (unit.State == UnitState.Done)
        {
            unit.State = UnitState.Gone;
        }
    }

    /// <summary>
    /// Makes every Gone output that a waiting or queued unit needs run again (and, through the same walk, the
    /// Gone outputs those need), recounts what each waiting unit misses, and places those that miss nothing.
    /// </summary>
    private void RequeueWaitingLocked()
    {
        var needing = new Stack<ScheduledUnit>();
        foreach (var lane in lanes.Values)
        {
            // A queued unit whose input is gone waits again until that input is recomputed.
            for (var entry = lane.Queue.First; entry is not null;)
            {
                var next = entry.Next;
                if (units[entry.Value].Inputs.Exists(i => units[i].State != UnitState.Done))
                {
                    units[entry.Value].State = UnitState.Waiting;
                    lane.Queue.Remove(entry);
                }

                entry = next;
            }
        }

        foreach (var unit in units)
        {
            if (unit.State == UnitState.Waiting)
            {
                needing.Push(unit);
            }
        }

        while (needing.Count > 0)
        {
            foreach (int input in needing.Pop().Inputs)
            {
                if (units[input].State == UnitState.Gone)
                {
                    units[input].State = UnitState.Waiting;
                    needing.Push(units[input]);
                }
            }
        }

        foreach (var unit in units)
        {
            if (unit.State != UnitState.Waiting)
            {
                continue;
            }

            unit.MissingInputs = 0;
            foreach (int input in unit.Inputs)
            {
                if (units[input].State != UnitState.Done)
                {
                    unit.MissingInputs++;
                }
            }

            if (unit.MissingInputs == 0)
            {
                PlaceLocked(unit);
            }
        }
    }
}

using System.Collections.Generic;
using Orleans.Runtime;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>One silo as the coordinator sees it: the units queued for it and how many run there now.</summary>
internal sealed class SiloLane
{
    public SiloLane(SiloAddress silo, ITaskWorkerGrain worker)
    {
        Silo = silo;
        Worker = worker;
    }

    public SiloAddress Silo { get; }

    public ITaskWorkerGrain Worker { get; }

    /// <summary>Units placed here; the silo takes from the front, an idle silo steals from the back.</summary>
    public LinkedList<int> Queue { get; } = new();

    public int InFlight { get; set; }

    public bool Alive { get; set; } = true;

    public int Load => InFlight + Queue.Count;
}

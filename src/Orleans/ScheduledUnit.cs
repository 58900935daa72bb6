using System.Collections.Generic;
using Orleans.Runtime;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// What the coordinator schedules: one task, or a fused linear chain of tasks whose intermediates have no
/// other consumer (dask's <c>fuse</c>). Its output is the last task's value, which stays on <see cref="Holder"/>.
/// </summary>
internal sealed class ScheduledUnit
{
    public ScheduledUnit(int index, int firstTask)
    {
        Index = index;
        Tasks.Add(firstTask);
    }

    public int Index { get; }

    /// <summary>The tasks, in the order they run; each after the first takes the previous one's value.</summary>
    public List<int> Tasks { get; } = new();

    public int Output => Tasks[^1];

    /// <summary>The units whose outputs the first task takes (an entry per argument slot).</summary>
    public List<int> Inputs { get; } = new();

    /// <summary>The units that take this unit's output (an entry per argument slot).</summary>
    public List<int> Consumers { get; } = new();

    public UnitState State { get; set; }

    /// <summary>Inputs not yet available, while <see cref="UnitState.Waiting"/>.</summary>
    public int MissingInputs { get; set; }

    /// <summary>The silo that holds the output (when done), or runs the unit (when running).</summary>
    public SiloAddress? Holder { get; set; }

    /// <summary>The output's serialized size, which placement weighs.</summary>
    public long Bytes { get; set; }

    /// <summary>Failed attempts so far (the next one is Failures + 1).</summary>
    public int Failures { get; set; }

    /// <summary>Raised at every dispatch: an outcome of an older dispatch is stale and ignored.</summary>
    public int Dispatch { get; set; }

    public bool IsTarget { get; set; }

    /// <summary>The target's value reached the coordinator (a later rerun for a consumer does not count it again).</summary>
    public bool TargetDelivered { get; set; }
}

/// <summary>Where a unit is: the state model of the coordinator.</summary>
internal enum UnitState
{
    /// <summary>Some input is not available yet.</summary>
    Waiting,

    /// <summary>An attempt failed; the next waits for its retry delay.</summary>
    Delayed,

    /// <summary>In a silo's queue.</summary>
    Queued,

    /// <summary>Sent to a worker; the outcome is awaited.</summary>
    Running,

    /// <summary>Its output is held by <see cref="ScheduledUnit.Holder"/>.</summary>
    Done,

    /// <summary>Its output is gone: dropped after its last consumer ran, or lost with its silo. Run again if a unit needs it again.</summary>
    Gone,
}

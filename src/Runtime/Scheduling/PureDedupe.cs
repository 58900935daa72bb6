/*
 * Pure-call dedupe within one compute: equal pure calls (PureCall: the same call, the same input tasks,
 * equal constants) are planned as one task.
 *
 * Invariants:
 *  - Asked once per pure node, after its inputs have slots: inputs are deduplicated first, so equal
 *    calls on equal inputs see equal input slots.
 *  - The first of the equal nodes keeps the task; the others map to its slot and add nothing to the plan.
 *  - Nothing is kept for a compute without pure calls (the dictionary comes with the first one).
 */
using System;
using System.Collections.Generic;

namespace TaskGraph.Scheduling;

/// <summary>Which pure calls of one compute's plan are the same task.</summary>
internal struct PureDedupe
{
    private Dictionary<PureCall, int>? slots;

    /// <summary>
    /// The slot of an earlier pure call equal to <paramref name="node"/> on <paramref name="inputSlots"/>
    /// (<see langword="true"/>); else records <paramref name="slot"/> as the task of such calls.
    /// </summary>
    internal bool TryShare(DelayedNode node, ReadOnlySpan<int> inputSlots, int slot, out int existing)
    {
        slots ??= new Dictionary<PureCall, int>();
        var call = new PureCall(node, inputSlots.ToArray());
        if (slots.TryGetValue(call, out existing))
        {
            return true;
        }

        slots.Add(call, slot);
        return false;
    }
}

using System.Collections.Generic;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// The stamps of the computes planning right now. A node's <see cref="DelayedNode.PlanStamp"/> names
/// the last compute that planned it; claims are never cleared, so a stamp only counts while its compute
/// is still planning: any other stamp is stale and the node is free. Stamps are 64-bit and never reused.
/// </summary>
internal static class PlanStamps
{
    private static readonly object Gate = new();
    private static readonly HashSet<long> Active = new();
    private static long lastStamp;
    private static int activeCount;

    /// <summary>A new stamp, planning from now until <see cref="End"/>.</summary>
    internal static long Begin()
    {
        long stamp = Interlocked.Increment(ref lastStamp);
        lock (Gate)
        {
            Active.Add(stamp);
            Volatile.Write(ref activeCount, Active.Count);
        }

        return stamp;
    }

    internal static void End(long stamp)
    {
        lock (Gate)
        {
            Active.Remove(stamp);
            Volatile.Write(ref activeCount, Active.Count);
        }
    }

    /// <summary>
    /// Whether <paramref name="other"/>, read from a node by the compute planning as <paramref name="own"/>,
    /// belongs to another compute still planning. A compute registers before it claims any node, so
    /// whoever sees its stamp on a node also sees it registered.
    /// </summary>
    internal static bool IsOtherActive(long other, long own)
    {
        if (other == 0 || other == own || Volatile.Read(ref activeCount) == 1)
        {
            return false;
        }

        lock (Gate)
        {
            return Active.Contains(other);
        }
    }
}

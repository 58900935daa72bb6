using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// Who may write planning claims into nodes (<see cref="DelayedNode.PlanStamp"/>): one compute at a time,
/// which then claims each node with plain writes (no atomic operation per node). A compute that plans
/// while another one does maps nodes to slots in a dictionary of its own and leaves the stamps alone.
/// Stamps are never cleared and never reused: any stamp but the current holder's is stale.
/// </summary>
internal static class PlanStamps
{
    private static long lastStamp;
    private static int held;

    /// <summary>A fresh stamp, this compute then holding the claims until <see cref="End"/>; 0 when another compute holds them.</summary>
    internal static long TryBegin()
        => Interlocked.CompareExchange(ref held, 1, 0) == 0 ? ++lastStamp : 0;

    /// <summary>Ends planning with <paramref name="stamp"/> (from <see cref="TryBegin"/>, 0 included).</summary>
    internal static void End(long stamp)
    {
        if (stamp != 0)
        {
            Volatile.Write(ref held, 0);
        }
    }
}

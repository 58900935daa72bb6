using System.Threading;

namespace TaskGraph.Nodes;

/// <summary>The process-wide counter that numbers nodes in the order they are built.</summary>
internal static class NodeSequence
{
    private static long last;

    internal static long Next() => Interlocked.Increment(ref last);
}

using System.Runtime.InteropServices;

namespace TaskGraph.Scheduling;

/// <summary>
/// A counter alone on its cache line (128 bytes: the line and its prefetched neighbour): workers write
/// it for every task they take, and must not thereby evict the fields every worker reads for every task.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PaddedCounter
{
    [FieldOffset(64)]
    internal int Value;
}

using Orleans;

namespace TaskGraph.Orleans.Wire;

/// <summary>
/// What happened to one task (and where: the silo, and once it ran the managed thread there), streamed back to the
/// client in batches. A retry carries the attempt's error, number and the delay before the next.
/// </summary>
[GenerateSerializer, Immutable]
internal readonly record struct ComputeEvent(
    [property: Id(0)] int Task,
    [property: Id(1)] ComputeEventKind Kind,
    [property: Id(2)] string? Silo,
    [property: Id(3)] System.Exception? Error = null,
    [property: Id(4)] int Attempt = 0,
    [property: Id(5)] System.TimeSpan Delay = default,
    [property: Id(6)] int Thread = 0);

/// <summary>The kinds of <see cref="ComputeEvent"/>.</summary>
[GenerateSerializer]
internal enum ComputeEventKind
{
    Started,
    Completed,
    Retrying,
}

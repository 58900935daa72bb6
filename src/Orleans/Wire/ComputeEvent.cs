using Orleans;

namespace TaskGraph.Orleans.Wire;

/// <summary>What happened to one task, streamed back to the client in batches.</summary>
[GenerateSerializer, Immutable]
internal readonly record struct ComputeEvent([property: Id(0)] int Task, [property: Id(1)] ComputeEventKind Kind, [property: Id(2)] string? Silo);

/// <summary>The kinds of <see cref="ComputeEvent"/>.</summary>
[GenerateSerializer]
internal enum ComputeEventKind
{
    Started,
    Completed,
    Retrying,
}

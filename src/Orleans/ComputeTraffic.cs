using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// What a finished compute moved between silos (locality): the bytes of inputs its tasks took from another silo
/// against the bytes of all the results they produced, both as Orleans serializes them.
/// </summary>
/// <param name="BytesProduced">The serialized size of every result the compute's tasks (or fused chains) stored.</param>
/// <param name="BytesMoved">The serialized size of the inputs that tasks fetched from a silo other than their own.</param>
[GenerateSerializer, Immutable]
public readonly record struct ComputeTraffic([property: Id(0)] long BytesProduced, [property: Id(1)] long BytesMoved);

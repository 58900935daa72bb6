namespace TaskGraph.Scheduling;

/// <summary>
/// Finished inputs of one consumer that a thread has not yet subtracted from the consumer's
/// <see cref="TaskEntry.Remaining"/>. A worker that finishes several inputs of the same consumer in a
/// row (the sources of a fan-in, the two leaves of a pair) subtracts them in one step instead of one
/// atomic step each on a counter every worker writes. It keeps them only while the next task it runs
/// feeds the same consumer, which cannot start before that task finishes anyway; it reports them
/// before it runs anything else and before it leaves.
/// </summary>
internal struct UnreportedInputs
{
    /// <summary>The consumer as it appears in the consumer lists (a blocking one as <c>~slot</c>); meaningful while <see cref="Count"/> is above 0.</summary>
    internal int Entry;

    /// <summary>Input occurrences finished and not yet subtracted; 0: none held.</summary>
    internal int Count;
}

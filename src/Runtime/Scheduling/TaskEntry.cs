namespace TaskGraph.Scheduling;

/// <summary>
/// Everything a compute tracks for one task, side by side in one pooled array (one cache line holds
/// more than one task), its result included: a task costs no object of its own (see <see cref="TaskResults"/>).
/// The entry after the last task holds only the ends of the last task's ranges.
/// </summary>
internal struct TaskEntry
{
    /// <summary>The node the task runs (for pure calls planned as one task: the first of the equal nodes).</summary>
    internal DelayedNode Node;

    /// <summary>
    /// A result of a reference type or a large or reference-holding struct (boxed), or the marker of a
    /// result kept in <see cref="ResultBits"/>; while the task is awaited, its <see cref="AwaitedResult"/>.
    /// </summary>
    internal object? Result;

    /// <summary>A result of a struct of at most 8 bytes without references, stored as its bits.</summary>
    internal long ResultBits;

    /// <summary>
    /// What <see cref="Remaining"/> holds for a synchronous CPU task with no task inputs and a narrow consumer
    /// (see <see cref="ComputePlan.InitiallyReady"/>): such a task never waits, and the mark lets the compute
    /// count its released results for back-pressure on sources.
    /// </summary>
    internal const int HeldSource = -1;

    /// <summary>Task inputs (argument occurrences) not yet finished; the task is ready at 0 (<see cref="HeldSource"/>: see there).</summary>
    internal int Remaining;

    /// <summary>Consumers (argument occurrences, plus one per target occurrence) not yet invoked; the result is released at 0.</summary>
    internal int PendingConsumers;

    /// <summary>The task's arguments are <c>ArgumentSlots[ArgumentStart..next task's ArgumentStart]</c>.</summary>
    internal int ArgumentStart;

    /// <summary>The task's consumers are <c>Consumers[ConsumerStart..next task's ConsumerStart]</c>.</summary>
    internal int ConsumerStart;
}

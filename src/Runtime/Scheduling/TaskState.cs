namespace TaskGraph.Scheduling;

/// <summary>
/// Everything a compute tracks for one task, side by side in one pooled array (one cache line holds
/// several tasks). The entry after the last task holds only the ends of the last task's ranges.
/// </summary>
internal struct TaskState
{
    /// <summary>The task's node and result.</summary>
    internal TaskRun Run;

    /// <summary>Task inputs (argument occurrences) not yet finished; the task is ready at 0.</summary>
    internal int Remaining;

    /// <summary>Consumers (argument occurrences, plus one per target occurrence) not yet invoked; the result is released at 0.</summary>
    internal int PendingConsumers;

    /// <summary>The task's arguments are <c>ArgumentSlots[ArgumentStart..next task's ArgumentStart]</c>.</summary>
    internal int ArgumentStart;

    /// <summary>The task's consumers are <c>Consumers[ConsumerStart..next task's ConsumerStart]</c>.</summary>
    internal int ConsumerStart;
}

using TaskGraph.Diagnostics;

namespace TaskGraph;

/// <summary>What a task did in the computes a <see cref="GraphStateRecorder"/> watched; pictures colour nodes by it.</summary>
public enum TaskState
{
    /// <summary>The task never started (not computed yet, or the compute stopped before it).</summary>
    NotRun,

    /// <summary>The task started and has not finished.</summary>
    Running,

    /// <summary>The task finished successfully.</summary>
    Done,

    /// <summary>The task threw, or its asynchronous result faulted or was cancelled.</summary>
    Failed,

    /// <summary>The task did not run: its result was reused from the compute's <see cref="ComputeOptions.ResultStore"/>.</summary>
    Reused,
}

namespace TaskGraph.Visualization;

/// <summary>The colours of task states, the same in every picture format.</summary>
internal static class StateColors
{
    internal static string Fill(TaskState state) => state switch
    {
        TaskState.Running => "#ffe082",
        TaskState.Done => "#c8e6c9",
        TaskState.Failed => "#ffcdd2",
        TaskState.Reused => "#bbdefb",
        _ => "#eeeeee",
    };

    internal static string Stroke(TaskState state) => state switch
    {
        TaskState.Running => "#ff8f00",
        TaskState.Done => "#2e7d32",
        TaskState.Failed => "#c62828",
        TaskState.Reused => "#1565c0",
        _ => "#9e9e9e",
    };
}

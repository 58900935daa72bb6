namespace TaskGraph;

/// <summary>How a compute ended.</summary>
public enum ComputeStatus
{
    /// <summary>Every task finished and the values were returned.</summary>
    Succeeded,

    /// <summary>A task failed; the compute threw <see cref="DelayedTaskException"/>.</summary>
    Failed,

    /// <summary>The compute's cancellation token was signalled.</summary>
    Canceled,
}

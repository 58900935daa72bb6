namespace TaskGraph.Dashboard;

/// <summary>One bar of the task stream: a task's run (or failed attempt) on a lane.</summary>
/// <param name="Lane">The worker thread's lane.</param>
/// <param name="Method">The method's row in the progress table.</param>
/// <param name="StartMilliseconds">When it started, since the compute started.</param>
/// <param name="EndMilliseconds">When it ended, since the compute started.</param>
/// <param name="Outcome">How it ended.</param>
internal readonly record struct TaskSpan(int Lane, int Method, double StartMilliseconds, double EndMilliseconds, SpanOutcome Outcome);

/// <summary>How a <see cref="TaskSpan"/> ended.</summary>
internal enum SpanOutcome : byte
{
    Done,
    Failed,
    Retried,
}

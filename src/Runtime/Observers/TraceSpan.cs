namespace TaskGraph.Diagnostics;

/// <summary>One finished task as <see cref="ChromeTraceRecorder"/> keeps it: Stopwatch timestamps and the thread that ran it.</summary>
internal readonly record struct TraceSpan(DelayedNode Task, long ComputeId, long Start, long End, int ThreadId, string? Error);

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace TaskGraph.Diagnostics;

/// <summary>
/// Records when and on which thread each task ran (dask's Profiler and task stream) and writes it as a
/// Chrome trace (the Trace Event Format), which Perfetto (ui.perfetto.dev) and <c>chrome://tracing</c>
/// open: one complete event (<c>"ph":"X"</c>) per finished or failed task, named after its method, with
/// its key, method id, compute id, managed thread id and outcome in <c>args</c>; one row per thread that
/// ran tasks, and more rows for a thread where spans overlap (<c>thread 12, overlapping 1</c>, ...).
/// </summary>
/// <remarks>
/// Add it to <see cref="ComputeOptions.Observers"/>; it may watch several computes, which then share one
/// time line. Times are microseconds since the recorder was created. An asynchronous task is drawn on
/// the thread that started it, from its start until its result arrived: the thread meanwhile runs other
/// tasks, so such spans go to extra rows of that thread, where none overlaps another (viewers draw the
/// spans of one row as a stack and misdraw overlaps that do not nest). The <c>tid</c> is a row number,
/// not a thread id.
/// </remarks>
public sealed class ChromeTraceRecorder : IComputeObserver
{
    private readonly long origin = Stopwatch.GetTimestamp();
    private readonly ConcurrentDictionary<(ComputeInfo Compute, DelayedNode Task), (long Start, int ThreadId)> running = new();
    private readonly ConcurrentQueue<TraceSpan> spans = new();

    /// <summary>The number of tasks recorded so far (finished or failed).</summary>
    public int TaskCount => spans.Count;

    /// <summary>Writes the trace recorded so far to <paramref name="stream"/> as UTF-8 JSON (the stream is left open).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        TraceSpan[] recorded = spans.ToArray();
        int processId = Environment.ProcessId;
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("displayTimeUnit", "ms");
        json.WriteStartArray("traceEvents");
        // Rows are written as tids from 1: some viewers hide tid 0.
        TraceLanes lanes = TraceLanes.Of(recorded);
        for (int row = 0; row < lanes.Rows.Count; row++)
        {
            WriteRowName(json, processId, row + 1, lanes.Rows[row]);
        }

        for (int i = 0; i < recorded.Length; i++)
        {
            WriteSpan(json, processId, lanes.RowOf[i] + 1, recorded[i]);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes the trace recorded so far to the file at <paramref name="path"/>, replacing it.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using FileStream file = File.Create(path);
        WriteTo(file);
    }

    void IComputeObserver.OnTaskStarted(ComputeInfo compute, DelayedNode task)
        => running[(compute, task)] = (Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId);

    void IComputeObserver.OnTaskCompleted(ComputeInfo compute, DelayedNode task) => Finish(compute, task, null);

    void IComputeObserver.OnTaskFailed(ComputeInfo compute, DelayedNode task, Exception exception) => Finish(compute, task, exception);

    // A failed attempt that will run again is a failed span of its own.
    void IComputeObserver.OnTaskRetrying(ComputeInfo compute, DelayedNode task, Exception exception, int attempt, TimeSpan delay) => Finish(compute, task, exception);

    private void Finish(ComputeInfo compute, DelayedNode task, Exception? exception)
    {
        long end = Stopwatch.GetTimestamp();
        if (running.TryRemove((compute, task), out var started))
        {
            spans.Enqueue(new TraceSpan(task, compute.Id, started.Start, end, started.ThreadId, exception is null ? null : exception.GetType().FullName + ": " + exception.Message));
        }
    }

    private static void WriteRowName(Utf8JsonWriter json, int processId, int row, (int ThreadId, int Lane) lane)
    {
        json.WriteStartObject();
        json.WriteString("name", "thread_name");
        json.WriteString("ph", "M");
        json.WriteNumber("pid", processId);
        json.WriteNumber("tid", row);
        json.WriteStartObject("args");
        json.WriteString("name", lane.Lane == 0 ? $"thread {lane.ThreadId}" : $"thread {lane.ThreadId}, overlapping {lane.Lane}");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteSpan(Utf8JsonWriter json, int processId, int row, TraceSpan span)
    {
        json.WriteStartObject();
        json.WriteString("name", span.Task.Method?.Name ?? "All");
        json.WriteString("cat", "task");
        json.WriteString("ph", "X");
        json.WriteNumber("ts", Microseconds(span.Start - origin));
        json.WriteNumber("dur", Microseconds(span.End - span.Start));
        json.WriteNumber("pid", processId);
        json.WriteNumber("tid", row);
        json.WriteStartObject("args");
        json.WriteString("key", span.Task.Key);
        json.WriteNumber("thread", span.ThreadId);
        if (span.Task.Method is { } method)
        {
            json.WriteString("method", method.Id);
        }

        json.WriteNumber("compute", span.ComputeId);
        json.WriteString("status", span.Error is null ? "done" : "failed");
        if (span.Error is not null)
        {
            json.WriteString("error", span.Error);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    // Whole nanoseconds as fractional microseconds: short tasks keep a visible, non-zero width.
    private static double Microseconds(long stopwatchTicks)
        => Math.Round(stopwatchTicks * 1_000_000.0 / Stopwatch.Frequency, 3);
}

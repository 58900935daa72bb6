using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;

namespace TaskGraph.Dashboard;

/// <summary>
/// What the page shows of one compute, kept by the push loop alone (no locking here): counts per method,
/// the lanes and spans of the task stream, the state of each drawn task and the first error. Changes since
/// the last update are tracked so that an update carries only what is new; a snapshot carries everything.
/// In a compute too big to draw, the tasks the workers counted rather than told one by one
/// (<see cref="IComputeObserver.OnTasksCompleted"/>) are added to the counts as they come, and are not in the stream.
/// </summary>
internal sealed class ComputeView
{
    private readonly ComputeInfo compute;
    private readonly ComputeGraph graph;
    private readonly int maxKeptSpans;
    private readonly long origin;
    private readonly Dictionary<DelayedNode, (long Start, int Thread, string? Worker)> running = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> lanes = new();
    private readonly Dictionary<int, int> threadLanes = new();
    private readonly Dictionary<string, int> workerLanes = new(StringComparer.Ordinal);
    private readonly Queue<TaskSpan> keptSpans;
    private readonly byte[] states;
    private readonly List<int> changedStates = new();

    // Tasks done that the workers counted rather than told: the stream does not show them.
    private int countedOnly;

    private long end;
    private int done;
    private int failed;
    private int reused;
    private int retried;
    private int spanCount;

    // The newest of the kept spans not written in an update yet (the rest were written, or dropped unwritten).
    private int unsentSpans;
    private string status = "running";
    private (string Task, string Method, string Text)? error;
    private bool changed = true;
    private bool lanesChanged;
    private bool graphSent;
    private bool errorSent;

    internal ComputeView(ComputeInfo compute, long origin, DashboardOptions options)
    {
        this.compute = compute;
        this.origin = origin;
        maxKeptSpans = options.MaxKeptSpans;
        // A drawn compute's spans fit at once; a bigger one's grow from there (its fast tasks are sampled, not all kept).
        keptSpans = new Queue<TaskSpan>(Math.Min(compute.TaskCount, Math.Min(maxKeptSpans, options.MaxDrawnTasks)));
        graph = ComputeGraph.Of(compute, options.MaxDrawnTasks);
        states = new byte[graph.IsDrawn ? graph.TaskCount : 0];
    }

    /// <summary>The states a drawn task is shown in.</summary>
    private enum DrawnState : byte
    {
        Waiting,
        Running,
        Done,
        Failed,
        Reused,
    }

    internal long Id => compute.Id;

    internal bool IsFinished => end != 0;

    internal bool HasChanges => changed;

    internal void Apply(in DashboardEvent happened)
    {
        changed = true;
        switch (happened.Kind)
        {
            case DashboardEventKind.TaskStarted:
                running[happened.Task!] = (happened.Timestamp, happened.Thread, happened.Worker);
                Count(happened.Task!, DrawnState.Running).Running++;
                break;
            case DashboardEventKind.TaskCompleted:
                done++;
                Finish(happened, SpanOutcome.Done, DrawnState.Done).Done++;
                break;
            case DashboardEventKind.TasksCounted:
                done += happened.Count;
                countedOnly += happened.Count;
                graph.Methods[graph.RowOf(happened.Method)].Done += happened.Count;
                break;
            case DashboardEventKind.TaskReused:
                done++;
                reused++;
                MethodProgress row = Count(happened.Task!, DrawnState.Reused);
                row.Done++;
                row.Reused++;
                break;
            case DashboardEventKind.TaskRetrying:
                retried++;
                Finish(happened, SpanOutcome.Retried, DrawnState.Waiting);
                break;
            case DashboardEventKind.TaskFailed:
                failed++;
                Finish(happened, SpanOutcome.Failed, DrawnState.Failed).Failed++;
                error ??= (happened.Task!.Key, happened.Task.Method?.Name ?? "All", happened.Error!.ToString());
                break;
            case DashboardEventKind.ComputeFinished:
                end = happened.Timestamp;
                graph.ForgetTasks();
                running.Clear();
                status = happened.Status switch { ComputeStatus.Succeeded => "succeeded", ComputeStatus.Failed => "failed", _ => "canceled" };
                if (happened.Error is { } computeError && happened.Status == ComputeStatus.Failed)
                {
                    error ??= ("", "", computeError.ToString());
                }

                break;
        }
    }

    /// <summary>Writes the compute as one JSON object: everything (<paramref name="full"/>) or what changed since the last update, which it then forgets.</summary>
    internal void Write(Utf8JsonWriter json, bool full)
    {
        json.WriteStartObject();
        json.WriteNumber("id", compute.Id);
        json.WriteString("status", status);
        json.WriteNumber("total", compute.TaskCount);
        json.WriteNumber("elapsedMs", Milliseconds(end != 0 ? end : Stopwatch.GetTimestamp()));
        json.WriteNumber("done", done);
        json.WriteNumber("running", running.Count);
        json.WriteNumber("failed", failed);
        json.WriteNumber("reused", reused);
        json.WriteNumber("retried", retried);
        json.WriteNumber("waiting", Math.Max(0, compute.TaskCount - done - running.Count - failed));
        json.WriteNumber("spanCount", spanCount);
        json.WriteNumber("countedOnly", countedOnly);
        WriteMethods(json);
        if (full || lanesChanged)
        {
            json.WriteStartArray("lanes");
            lanes.ForEach(json.WriteStringValue);
            json.WriteEndArray();
        }

        WriteSpans(json, full ? keptSpans.Count : unsentSpans);
        if (full || !graphSent)
        {
            WriteGraph(json);
        }

        WriteStates(json, full);
        if (error is { } failure && (full || !errorSent))
        {
            json.WriteStartObject("error");
            json.WriteString("task", failure.Task);
            json.WriteString("method", failure.Method);
            json.WriteString("text", failure.Text);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (!full)
        {
            Forget();
        }
    }

    /// <summary>Forgets what changed since the last update (written or not).</summary>
    internal void Forget()
    {
        changed = false;
        lanesChanged = false;
        graphSent = true;
        errorSent = error is not null;
        unsentSpans = 0;
        changedStates.Clear();
    }

    private MethodProgress Count(DelayedNode task, DrawnState state)
    {
        int number = graph.NumberOf(task);
        if (number >= 0 && number < states.Length)
        {
            states[number] = (byte)state;
            changedStates.Add(number);
        }

        return graph.Methods[graph.MethodOf(task)];
    }

    private MethodProgress Finish(in DashboardEvent happened, SpanOutcome outcome, DrawnState state)
    {
        MethodProgress row = Count(happened.Task!, state);
        if (running.Remove(happened.Task!, out var started))
        {
            row.Running--;
            Keep(new TaskSpan(LaneOf(happened.Worker ?? started.Worker, started.Thread), graph.MethodOf(happened.Task!), Milliseconds(started.Start), Milliseconds(happened.Timestamp), outcome));
        }

        return row;
    }

    private void Keep(TaskSpan span)
    {
        spanCount++;
        if (keptSpans.Count == maxKeptSpans)
        {
            keptSpans.Dequeue();
        }

        keptSpans.Enqueue(span);
        unsentSpans = Math.Min(unsentSpans + 1, maxKeptSpans);
    }

    /// <summary>The lane of a remote <paramref name="worker"/>, or of local thread <paramref name="thread"/> when there is none.</summary>
    private int LaneOf(string? worker, int thread)
    {
        if (worker is null)
        {
            if (!threadLanes.TryGetValue(thread, out int threadLane))
            {
                threadLane = AddLane($"thread {thread}");
                threadLanes[thread] = threadLane;
            }

            return threadLane;
        }

        if (!workerLanes.TryGetValue(worker, out int lane))
        {
            lane = AddLane(worker);
            workerLanes[worker] = lane;
        }

        return lane;
    }

    private int AddLane(string name)
    {
        lanes.Add(name);
        lanesChanged = true;
        return lanes.Count - 1;
    }

    private void WriteMethods(Utf8JsonWriter json)
    {
        json.WriteStartArray("methods");
        foreach (MethodProgress row in graph.Methods)
        {
            json.WriteStartObject();
            json.WriteString("name", row.Name);
            json.WriteNumber("total", row.Total);
            json.WriteNumber("done", row.Done);
            json.WriteNumber("running", row.Running);
            json.WriteNumber("failed", row.Failed);
            json.WriteNumber("reused", row.Reused);
            json.WriteNumber("waiting", row.Waiting);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes the newest <paramref name="count"/> kept spans, oldest first.</summary>
    private void WriteSpans(Utf8JsonWriter json, int count)
    {
        json.WriteStartArray("spans");
        int skip = keptSpans.Count - count;
        foreach (TaskSpan span in keptSpans)
        {
            if (skip-- > 0)
            {
                continue;
            }

            json.WriteStartArray();
            json.WriteNumberValue(span.Lane);
            json.WriteNumberValue(span.Method);
            json.WriteNumberValue(Math.Round(span.StartMilliseconds, 3));
            json.WriteNumberValue(Math.Round(span.EndMilliseconds, 3));
            json.WriteNumberValue((int)span.Outcome);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private void WriteGraph(Utf8JsonWriter json)
    {
        json.WriteStartObject("graph");
        json.WriteBoolean("drawn", graph.IsDrawn);
        json.WriteNumber("tasks", graph.TaskCount);
        json.WriteNumber("maxDrawn", graph.MaxDrawnTasks);
        if (graph.IsDrawn)
        {
            json.WriteStartArray("nodes");
            for (int number = 0; number < graph.TaskCount; number++)
            {
                json.WriteStartArray();
                json.WriteNumberValue(graph.MethodOf(number));
                json.WriteNumberValue(graph.Ranks[number]);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteStartArray("edges");
            foreach (var (from, to) in graph.Edges)
            {
                json.WriteStartArray();
                json.WriteNumberValue(from);
                json.WriteNumberValue(to);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private void WriteStates(Utf8JsonWriter json, bool full)
    {
        json.WriteStartArray("states");
        if (full)
        {
            for (int number = 0; number < states.Length; number++)
            {
                WriteState(json, number);
            }
        }
        else
        {
            changedStates.ForEach(number => WriteState(json, number));
        }

        json.WriteEndArray();
    }

    private void WriteState(Utf8JsonWriter json, int number)
    {
        json.WriteStartArray();
        json.WriteNumberValue(number);
        json.WriteNumberValue(states[number]);
        json.WriteEndArray();
    }

    private double Milliseconds(long timestamp) => (timestamp - origin) * 1000.0 / Stopwatch.Frequency;
}

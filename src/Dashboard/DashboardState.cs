using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace TaskGraph.Dashboard;

/// <summary>
/// The computes the page shows (the most recent <see cref="KeptComputes"/>), fed by the push loop and written
/// as Server-Sent Events: a <c>snapshot</c> for a page that connects, then one <c>update</c> per interval with
/// what changed. Not thread-safe: the dashboard calls it under one lock.
/// </summary>
internal sealed class DashboardState
{
    /// <summary>How many computes the page can still look at.</summary>
    internal const int KeptComputes = 10;

    private readonly DashboardOptions options;
    private readonly Dictionary<ComputeInfo, ComputeView> views = new(ReferenceEqualityComparer.Instance);
    private readonly List<ComputeView> order = new();

    internal DashboardState(DashboardOptions options) => this.options = options;

    internal void Apply(in DashboardEvent happened)
    {
        if (happened.Kind == DashboardEventKind.ComputeStarted)
        {
            Open(happened);
        }
        else if (views.TryGetValue(happened.Compute, out ComputeView? view))
        {
            view.Apply(happened);
            if (view.IsFinished)
            {
                views.Remove(happened.Compute);
            }
        }
    }

    /// <summary>Everything, as a <c>snapshot</c> event.</summary>
    internal string Snapshot() => Message("snapshot", full: true);

    /// <summary>What changed since the last update, as an <c>update</c> event; <see langword="null"/> when nothing did.</summary>
    internal string? TakeUpdate() => order.Exists(view => view.HasChanges) ? Message("update", full: false) : null;

    /// <summary>Forgets what changed since the last update without writing it (no page is connected).</summary>
    internal void ForgetChanges() => order.ForEach(view => view.Forget());

    /// <summary>Everything as plain JSON (the <c>/state</c> endpoint).</summary>
    internal string Json() => Encoding.UTF8.GetString(Write(full: true).WrittenSpan);

    private void Open(in DashboardEvent happened)
    {
        var view = new ComputeView(happened.Compute, happened.Timestamp, options);
        views[happened.Compute] = view;
        order.Add(view);
        if (order.Count > KeptComputes)
        {
            order.RemoveAt(0);
        }
    }

    private string Message(string name, bool full)
        => $"event: {name}\ndata: {Encoding.UTF8.GetString(Write(full).WrittenSpan)}\n\n";

    private ArrayBufferWriter<byte> Write(bool full)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("computes");
            foreach (ComputeView view in order)
            {
                if (full || view.HasChanges)
                {
                    view.Write(json, full);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer;
    }
}

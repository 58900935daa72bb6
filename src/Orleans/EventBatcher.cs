using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Orleans.Runtime;
using TaskGraph.Orleans.Wire;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// Streams task events to the client in batches (every 20 ms at most), not one message per event, one batch at a
/// time: each is answered before the next goes, so the client hears them in order and all before the last message.
/// </summary>
internal sealed class EventBatcher
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    private readonly IComputeEvents events;
    private readonly object gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task flushing;
    private readonly List<ComputeEvent> pending = new();

    public EventBatcher(IComputeEvents events)
    {
        this.events = events;
        flushing = FlushPeriodically();
    }

    public void Add(ComputeEvent computeEvent)
    {
        lock (gate)
        {
            pending.Add(computeEvent);
        }
    }

    /// <summary>Stops the periodic flushes and returns what is still pending: it travels with the compute's last message, so no event arrives after it.</summary>
    public async Task<ComputeEvent[]> StopAsync()
    {
        stop.Cancel();
        await flushing.ConfigureAwait(false);
        stop.Dispose();
        return Take();
    }

    private async Task FlushAsync()
    {
        var batch = Take();
        if (batch.Length == 0)
        {
            return;
        }

        try
        {
            await events.OnEvents(batch).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            // The client went away: the compute goes on (only this loop waited), and nobody hears the batch.
        }
    }

    private ComputeEvent[] Take()
    {
        lock (gate)
        {
            var batch = pending.ToArray();
            pending.Clear();
            return batch;
        }
    }

    private async Task FlushPeriodically()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the rest travels with the last message.
        }
    }
}

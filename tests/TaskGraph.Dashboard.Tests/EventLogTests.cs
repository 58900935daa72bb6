using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Xunit;

namespace TaskGraph.Dashboard.Tests;

/// <summary>The per-thread logs the dashboard's callbacks write: nothing lost, nothing before what happened before it, nothing early.</summary>
public sealed class EventLogTests
{
    [Fact]
    public void Events_of_many_threads_read_while_written_arrive_all_once_each_after_what_happened_before_it()
    {
        // Thread 0 starts task i and hands it to thread 1, which completes it (as an await finishing elsewhere
        // does); threads 2 and 3 write unrelated events meanwhile. The reader drains all along.
        const int Tasks = 2_000, Unrelated = 5_000;
        var log = new EventLog();
        var seen = new List<DashboardEvent>();
        int handedOver = -1;
        var writers = new List<Thread>
        {
            new(() =>
            {
                for (int i = 0; i < Tasks; i++)
                {
                    log.Add(Event(DashboardEventKind.TaskStarted, 0, i));
                    Volatile.Write(ref handedOver, i);
                }
            }),
            new(() =>
            {
                for (int i = 0; i < Tasks; i++)
                {
                    SpinWait.SpinUntil(() => Volatile.Read(ref handedOver) >= i);
                    log.Add(Event(DashboardEventKind.TaskCompleted, 1, i));
                }
            }),
        };
        writers.AddRange(Enumerable.Range(2, 2).Select(t => new Thread(() =>
        {
            for (int i = 0; i < Unrelated; i++)
            {
                log.Add(Event(DashboardEventKind.TaskStarted, t, i));
            }
        })));
        writers.ForEach(w => w.Start());
        while (writers.Exists(w => w.IsAlive))
        {
            log.Drain(seen.Add);
        }

        log.Drain(seen.Add);

        Assert.Equal((2 * Tasks) + (2 * Unrelated), seen.Count);
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(Enumerable.Range(0, t < 2 ? Tasks : Unrelated), seen.Where(e => e.Thread == t).Select(e => (int)e.Status));
        }

        var startedAt = seen.Select((e, at) => (e, at)).Where(p => p.e.Thread == 0).ToDictionary(p => (int)p.e.Status, p => p.at);
        Assert.All(seen.Select((e, at) => (e, at)).Where(p => p.e.Thread == 1), p => Assert.True(startedAt[(int)p.e.Status] < p.at, $"task {(int)p.e.Status} completed before it started"));
    }

    /// <summary>An event of <paramref name="thread"/> numbered <paramref name="number"/> (carried in Status, which the log never reads).</summary>
    private static DashboardEvent Event(DashboardEventKind kind, int thread, int number)
        => new(kind, null!, null, Stopwatch.GetTimestamp(), thread, Status: (ComputeStatus)number);

    [Fact]
    public void An_event_stamped_after_the_read_began_waits_for_the_next_read()
    {
        var log = new EventLog();
        var seen = new List<DashboardEvent>();
        // Half a second ahead: far enough that the first read begins before it, however slow the machine.
        long now = Stopwatch.GetTimestamp(), later = now + (Stopwatch.Frequency / 2);
        log.Add(new DashboardEvent(DashboardEventKind.TaskStarted, null!, null, now - 1, 1));
        log.Add(new DashboardEvent(DashboardEventKind.TaskCompleted, null!, null, later, 1));

        log.Drain(seen.Add);
        Assert.Equal(new[] { DashboardEventKind.TaskStarted }, seen.Select(e => e.Kind));

        SpinWait.SpinUntil(() => Stopwatch.GetTimestamp() > later);
        log.Drain(seen.Add);
        Assert.Equal(new[] { DashboardEventKind.TaskStarted, DashboardEventKind.TaskCompleted }, seen.Select(e => e.Kind));
    }
}

using System;

namespace TaskGraph.Dashboard;

/// <summary>What an observer callback saw, recorded as is (<see cref="EventLog"/>): the callbacks only record, the push loop does the rest.</summary>
/// <param name="Kind">Which callback.</param>
/// <param name="Compute">The compute.</param>
/// <param name="Task">The task; <see langword="null"/> for the compute's own events.</param>
/// <param name="Timestamp">When, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
/// <param name="Thread">The callback's managed thread.</param>
/// <param name="Worker">Where the task ran when its executor says so (<see cref="TaskWorker.Current"/>).</param>
/// <param name="Error">A failure's exception.</param>
/// <param name="Status">How the compute ended (<see cref="DashboardEventKind.ComputeFinished"/> only).</param>
/// <param name="Method">The counted tasks' method (<see cref="DashboardEventKind.TasksCounted"/> only; <see langword="null"/> for collections).</param>
/// <param name="Count">How many tasks were counted (<see cref="DashboardEventKind.TasksCounted"/> only).</param>
internal readonly record struct DashboardEvent(
    DashboardEventKind Kind,
    ComputeInfo Compute,
    DelayedNode? Task,
    long Timestamp,
    int Thread,
    string? Worker = null,
    Exception? Error = null,
    ComputeStatus Status = ComputeStatus.Succeeded,
    DelayedMethod? Method = null,
    int Count = 0);

/// <summary>The observer callbacks a <see cref="DashboardEvent"/> comes from.</summary>
internal enum DashboardEventKind : byte
{
    ComputeStarted,
    TaskStarted,
    TaskCompleted,

    /// <summary>Tasks a worker ran without telling the dashboard one by one (<see cref="IComputeObserver.OnTasksCompleted"/>).</summary>
    TasksCounted,
    TaskReused,
    TaskRetrying,
    TaskFailed,
    ComputeFinished,
}

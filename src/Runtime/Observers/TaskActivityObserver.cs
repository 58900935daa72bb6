using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace TaskGraph.Diagnostics;

/// <summary>
/// Reports every task as an <see cref="Activity"/> of the <see cref="ActivitySource"/> named
/// <see cref="SourceName"/> (<c>TaskGraph</c>), so OpenTelemetry (<c>AddSource("TaskGraph")</c>) and any
/// <see cref="ActivityListener"/> see one span per task: named after the task's method, tagged with the
/// task key, method id and compute id, status Error with an <c>exception</c> event when the task fails.
/// </summary>
/// <remarks>
/// Opt-in: add <see cref="Instance"/> to <see cref="ComputeOptions.Observers"/>. A compute without
/// observers skips notifications entirely, so computes of users who never trace pay nothing; with the
/// observer and nobody listening, each callback returns after one <see cref="ActivitySource.HasListeners"/>
/// check. Task spans are children of the activity that was current when the compute started. They are
/// not made <see cref="Activity.Current"/> while the task runs: tasks share worker threads, and an
/// ambient activity would leak from one task into the next.
/// </remarks>
public sealed class TaskActivityObserver : IComputeObserver
{
    /// <summary>The name of the <see cref="ActivitySource"/>: <c>TaskGraph</c>.</summary>
    public const string SourceName = "TaskGraph";

    /// <summary>Tag holding the task's key.</summary>
    public const string TaskKeyTag = "taskgraph.task.key";

    /// <summary>Tag holding the method's id (its documentation comment id).</summary>
    public const string MethodIdTag = "taskgraph.method.id";

    /// <summary>Tag holding the compute's id.</summary>
    public const string ComputeIdTag = "taskgraph.compute.id";

    private readonly ConcurrentDictionary<ComputeInfo, ActivityContext> parents = new();
    private readonly ConcurrentDictionary<(ComputeInfo Compute, DelayedNode Task), Activity> running = new();

    private TaskActivityObserver()
    {
    }

    /// <summary>The source every task span comes from.</summary>
    public static ActivitySource Source { get; } = new(SourceName, typeof(TaskActivityObserver).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>The observer to add to <see cref="ComputeOptions.Observers"/>.</summary>
    public static TaskActivityObserver Instance { get; } = new();

    void IComputeObserver.OnComputeStarted(ComputeInfo compute)
    {
        if (Source.HasListeners() && Activity.Current is { } current)
        {
            parents[compute] = current.Context;
        }
    }

    void IComputeObserver.OnTaskStarted(ComputeInfo compute, DelayedNode task)
    {
        if (!Source.HasListeners())
        {
            return;
        }

        parents.TryGetValue(compute, out ActivityContext parent);
        Activity? ambient = Activity.Current;
        Activity? activity = Source.StartActivity(task.Method?.Name ?? "All", ActivityKind.Internal, parent);
        if (activity is null)
        {
            return;
        }

        Activity.Current = ambient;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(TaskKeyTag, task.Key);
            activity.SetTag(MethodIdTag, task.Method?.Id);
            activity.SetTag(ComputeIdTag, compute.Id);
        }

        running[(compute, task)] = activity;
    }

    void IComputeObserver.OnTaskCompleted(ComputeInfo compute, DelayedNode task)
    {
        if (running.TryRemove((compute, task), out Activity? activity))
        {
            Stop(activity);
        }
    }

    // A failed attempt that will run again ends its span as a failed one; the next attempt gets its own.
    void IComputeObserver.OnTaskRetrying(ComputeInfo compute, DelayedNode task, Exception exception, int attempt, TimeSpan delay)
        => ((IComputeObserver)this).OnTaskFailed(compute, task, exception);

    void IComputeObserver.OnTaskFailed(ComputeInfo compute, DelayedNode task, Exception exception)
    {
        if (!running.TryRemove((compute, task), out Activity? activity))
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        if (activity.IsAllDataRequested)
        {
            // The OpenTelemetry semantic conventions for a recorded exception.
            activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
            {
                ["exception.type"] = exception.GetType().FullName,
                ["exception.message"] = exception.Message,
                ["exception.stacktrace"] = exception.ToString(),
            }));
        }

        Stop(activity);
    }

    void IComputeObserver.OnComputeFinished(ComputeInfo compute, ComputeStatus status, Exception? exception)
        => parents.TryRemove(compute, out _);

    // Stop sets Activity.Current to the span's parent on this thread: put back what the thread had.
    private static void Stop(Activity activity)
    {
        Activity? ambient = Activity.Current;
        activity.Stop();
        Activity.Current = ambient;
    }
}

using System;

namespace TaskGraph;

/// <summary>
/// Marks a method of a <c>partial</c> type as a task: the TaskGraph source generator writes a lazy
/// wrapper <c>MDelayed</c> for a method <c>M</c> (a trailing <c>Async</c> is dropped) that adds a node
/// to a task graph instead of running the method.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DelayedAttribute : Attribute
{
    /// <summary>
    /// The method's result depends only on its arguments and it has no side effects, so calls with
    /// equal arguments within one compute share one task (dask's <c>pure=True</c>).
    /// </summary>
    public bool Pure { get; set; }

    /// <summary>
    /// The method blocks its thread (sleep, synchronous I/O, waiting on a lock): it runs outside the
    /// CPU-sized pool, so that blocked calls overlap instead of starving the compute.
    /// </summary>
    public bool Blocking { get; set; }
}

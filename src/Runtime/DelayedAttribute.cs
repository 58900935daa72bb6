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
    /// The method's result is kept in the compute's <see cref="ComputeOptions.ResultStore"/> as the call finishes,
    /// and a later compute of an equal call (same method, same code, equal arguments and upstream calls) reuses
    /// it instead of running the method: a killed or failed compute resumes where it stopped. Set it on
    /// deterministic methods whose parameters and result are plain data (diagnostic TG0012 says when one is not).
    /// See <c>docs/resume.md</c>.
    /// </summary>
    public bool Checkpoint { get; set; }

    /// <summary>
    /// The method blocks its thread (sleep, synchronous I/O, waiting on a lock): it runs outside the
    /// CPU-sized pool, so that blocked calls overlap instead of starving the compute.
    /// </summary>
    public bool Blocking { get; set; }

    /// <summary>
    /// How many times a failing call is run again before the compute fails with its error (0, the
    /// default: the compute's <see cref="ComputeOptions.Retries"/>). The waits between attempts are set by
    /// <see cref="RetryDelayMilliseconds"/>. Retry only methods that are safe to run twice.
    /// </summary>
    public int Retries { get; set; }

    /// <summary>
    /// The wait before the first retry, in milliseconds; each further retry waits twice as long as the one
    /// before (0, the default: the compute's <see cref="ComputeOptions.RetryDelay"/>). The wait holds no
    /// thread and ends at once when the compute is cancelled or fails.
    /// </summary>
    public int RetryDelayMilliseconds { get; set; }

    /// <summary>
    /// The longest a call may run, in milliseconds (0, the default: the compute's
    /// <see cref="ComputeOptions.TaskTimeout"/>). When it overruns, its cancellation token is cancelled and
    /// the attempt fails with a <see cref="TaskTimeoutException"/> once the call returns: a method that
    /// ignores its <see cref="System.Threading.CancellationToken"/> cannot be stopped, only failed.
    /// </summary>
    public int TimeoutMilliseconds { get; set; }

    /// <summary>
    /// The lazy wrapper's name, used as written instead of the default <c>MDelayed</c> (<see langword="null"/>,
    /// the default: the method's name with a trailing <c>Async</c> dropped, plus <c>Delayed</c>). Set it when two
    /// methods would get the same wrapper, as <c>Load</c> and <c>LoadAsync</c> do:
    /// <c>[Delayed(Name = "LoadAsyncDelayed")]</c>. It must be a C# identifier that no other member of the
    /// type uses with the same parameters (diagnostics TG0011 and TG0005 say when it is not).
    /// </summary>
    public string? Name { get; set; }
}

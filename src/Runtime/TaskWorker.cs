using System;

namespace TaskGraph;

/// <summary>
/// Where the task of an observer callback ran, when its executor runs tasks outside this process: the
/// Orleans executor names the silo and the thread there (<c>S10.0.0.5:11111:97 thread 14</c>). Read
/// <see cref="Current"/> inside an <see cref="IComputeObserver"/> callback; it is <see langword="null"/> when the
/// task runs in this process, whose worker is then the callback's own thread
/// (<see cref="Environment.CurrentManagedThreadId"/>).
/// </summary>
public static class TaskWorker
{
    [ThreadStatic]
    private static string? current;

    /// <summary>The worker that runs or ran the task being reported on this thread; <see langword="null"/> for a task of this process.</summary>
    public static string? Current => current;

    /// <summary>Names <paramref name="worker"/> as <see cref="Current"/> until the returned scope is disposed (around one notification).</summary>
    internal static Scope Report(string? worker)
    {
        string? previous = current;
        current = worker;
        return new Scope(previous);
    }

    /// <summary>Puts back the worker that was current before <see cref="Report"/>.</summary>
    internal readonly ref struct Scope
    {
        private readonly string? previous;

        internal Scope(string? previous) => this.previous = previous;

        public void Dispose() => current = previous;
    }
}

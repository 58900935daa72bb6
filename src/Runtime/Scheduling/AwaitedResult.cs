using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace TaskGraph.Scheduling;

/// <summary>
/// An asynchronous task's pending result, kept in its <see cref="TaskEntry.Result"/> while it is awaited:
/// the only per-task object a compute allocates, and only for a method that did not complete at once.
/// </summary>
internal abstract class AwaitedResult
{
    /// <summary>Runs <paramref name="continuation"/> once the result is available.</summary>
    internal abstract void WhenDone(Action continuation);

    /// <summary>Stores the result in the task of <paramref name="slot"/>, or throws the awaited exception.</summary>
    internal abstract void Collect(TaskTable owner, int slot);
}

/// <summary>A pending result of type <typeparamref name="T"/>.</summary>
internal sealed class AwaitedResult<T> : AwaitedResult
{
    private readonly ConfiguredValueTaskAwaitable<T>.ConfiguredValueTaskAwaiter awaiter;

    internal AwaitedResult(ValueTask<T> pending) => awaiter = pending.ConfigureAwait(false).GetAwaiter();

    internal override void WhenDone(Action continuation) => awaiter.UnsafeOnCompleted(continuation);

    // Collected once: a value task's source allows one read.
    internal override void Collect(TaskTable owner, int slot) => owner.StoreResult(slot, awaiter.GetResult());
}

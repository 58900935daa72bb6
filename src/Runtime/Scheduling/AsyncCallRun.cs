using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using TaskGraph.Nodes;

namespace TaskGraph.Scheduling;

/// <summary>An asynchronous method's task: awaited without holding a thread; a result that is already there is taken at once.</summary>
internal sealed class AsyncCallRun<T> : TaskRun<T>
{
    private ConfiguredValueTaskAwaitable<T>.ConfiguredValueTaskAwaiter awaiter;

    internal AsyncCallRun(CallNode<T> node)
        : base(node)
    {
    }

    internal override bool Invoke(Computation owner, int slot, CancellationToken cancellationToken)
    {
        ValueTask<T> pending = ((CallNode<T>)Node).InvokeAsync(new DelayedArguments(owner, slot), cancellationToken);
        if (pending.IsCompleted)
        {
            // Throws the method's own exception when it failed synchronously.
            Result = pending.Result;
            return true;
        }

        awaiter = pending.ConfigureAwait(false).GetAwaiter();
        return false;
    }

    internal override void WhenAwaited(Action continuation) => awaiter.UnsafeOnCompleted(continuation);

    internal override void CollectAwaitedResult()
    {
        ConfiguredValueTaskAwaitable<T>.ConfiguredValueTaskAwaiter completed = awaiter;
        awaiter = default;
        Result = completed.GetResult();
    }
}

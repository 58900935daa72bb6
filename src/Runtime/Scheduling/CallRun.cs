using System.Threading;
using TaskGraph.Infrastructure;
using TaskGraph.Nodes;

namespace TaskGraph.Scheduling;

/// <summary>A synchronous method's task.</summary>
internal sealed class CallRun<T> : TaskRun<T>
{
    internal CallRun(CallNode<T> node)
        : base(node)
    {
    }

    internal override bool Invoke(Computation owner, int slot, CancellationToken cancellationToken)
    {
        Result = ((CallNode<T>)Node).Invoke(new DelayedArguments(owner, slot), cancellationToken);
        return true;
    }
}

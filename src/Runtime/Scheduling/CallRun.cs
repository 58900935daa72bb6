using System.Threading;
using TaskGraph.Infrastructure;
using TaskGraph.Nodes;

namespace TaskGraph.Scheduling;

/// <summary>A synchronous method's task.</summary>
internal sealed class CallRun<T> : TaskRun<T>
{
    internal CallRun(Computation owner, CallNode<T> node, int slot, int firstArgument)
        : base(owner, node, slot, firstArgument)
    {
    }

    internal override bool Invoke(CancellationToken cancellationToken)
    {
        Result = ((CallNode<T>)Node).Invoke(new DelayedArguments(this), cancellationToken);
        return true;
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using TaskGraph.Nodes;
using TaskGraph.Scheduling;

namespace TaskGraph;

/// <summary>
/// The untyped view of a node in a task graph: a constant, a call of a <c>[Delayed]</c> method, or a
/// collection of other nodes. Nodes are immutable; one node may be shared by many graphs and computes.
/// </summary>
public abstract partial class DelayedNode
{
    // Only the runtime defines node kinds.
    private protected DelayedNode(NodeArguments arguments, NodeTraits traits)
    {
        Arguments = arguments;
        Traits = traits;
    }

    /// <summary>
    /// The task's key, unique within a process: the method name and a sequence number
    /// (<c>Process-17</c>), or for a pure call a token of the method and its arguments, so that equal
    /// pure calls have equal keys.
    /// </summary>
    public abstract string Key { get; }

    /// <summary>The method this node calls; <see langword="null"/> for constants and collections.</summary>
    public abstract DelayedMethod? Method { get; }

    /// <summary>The nodes whose results this node takes as arguments, in parameter order (a view over the node: reading it allocates nothing).</summary>
    public DelayedDependencies Dependencies => new(Arguments, (Traits & NodeTraits.NullHandle) != 0);

    // What the scheduler reads. Nodes hold no per-compute state apart from planning claims: results live in the compute's task array.

    // Fields rather than virtual members: the scheduler reads them for every task.

    /// <summary>The argument handles in parameter order; a <see langword="null"/> entry reads as default.</summary>
    internal readonly NodeArguments Arguments;

    internal readonly NodeTraits Traits;

    // Planning claims: the one piece of planning kept in nodes, for speed. SchedulingPlanClaimsBenchmarks
    // (100,000 tasks, short run on a busy machine): planning with the claims is 4.6-5.3x faster than the same
    // planner mapping nodes in a dictionary (wide 3.6 -> 16.3 ms, tree 8.7 -> 40.7 ms, chain 3.7 -> 19.7 ms),
    // and allocates 248 B per plan against 8.5-17.5 MB.

    /// <summary>
    /// The last compute that planned this node holding the claims (see ComputePlan and PlanStamps): lets
    /// planning map nodes to slots without a dictionary. Never cleared: it only counts while that compute is planning.
    /// </summary>
    internal long PlanStamp;

    /// <summary>The node's slot in the plan of the compute named by <see cref="PlanStamp"/> (once planned).</summary>
    internal int PlanSlot;

    /// <summary>A constant is not a task: its value is read straight from the node.</summary>
    internal bool IsConstant => (Traits & NodeTraits.Constant) != 0;

    internal bool IsPure => (Traits & NodeTraits.Pure) != 0;

    internal bool IsBlocking => (Traits & NodeTraits.Blocking) != 0;

    internal bool IsSource => (Traits & NodeTraits.Source) != 0;

    /// <summary>A call of an asynchronous method.</summary>
    internal bool IsAsync => (Traits & NodeTraits.Async) != 0;

    /// <summary>The node's method sets its own retries or timeout.</summary>
    internal bool IsGuarded => (Traits & NodeTraits.Guarded) != 0;

    /// <summary>Whether <see cref="Key"/> is already computed (pure keys are built without recursion, inputs first).</summary>
    internal virtual bool HasKey => true;

    /// <summary>
    /// Calls the method as the task in <paramref name="slot"/> of <paramref name="owner"/>. <see langword="true"/>
    /// when the result is stored; <see langword="false"/> when it is awaited (an <see cref="AwaitedResult"/> is in the task's state).
    /// </summary>
    internal virtual bool Invoke(TaskTable owner, int slot, CancellationToken cancellationToken)
        => throw new InvalidOperationException($"Node '{Key}' is not a task.");

    /// <summary>A constant's value, boxed (for executors and graph export, which do not know its type).</summary>
    internal virtual object? ConstantValue => throw new InvalidOperationException($"Node '{Key}' is not a constant.");

    /// <summary>Runs the node's method (or gathers a collection) with <paramref name="arguments"/>, outside any compute; the value comes boxed.</summary>
    internal virtual ValueTask<object?> InvokeWithArgumentsAsync(DelayedArguments arguments, CancellationToken cancellationToken)
        => throw new InvalidOperationException($"Node '{Key}' is not a task.");

    /// <summary>For pure dedupe: the same method called through the same invoker (the same instance for instance methods).</summary>
    internal virtual bool IsSameCall(DelayedNode other) => false;

    /// <summary>A hash of what <see cref="IsSameCall"/> compares.</summary>
    internal virtual int CallHashCode => 0;

    /// <summary>For pure dedupe: two constants holding equal values.</summary>
    internal virtual bool HasEqualValue(DelayedNode other) => false;

    /// <summary>A hash of a constant's value, consistent with <see cref="HasEqualValue"/>.</summary>
    internal virtual int ValueHashCode => 0;
}

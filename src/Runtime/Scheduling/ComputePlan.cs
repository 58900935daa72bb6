using System;
using System.Collections.Generic;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// The tasks of one compute and how they connect, in flat arrays: the graph behind the targets walked
/// once, without recursion, shared and pure-equal nodes counted once, constants left out.
/// Slots are numbered in the walk's post-order, so every task's inputs have smaller slots.
/// </summary>
/// <remarks>
/// Node to slot: while planning, a compute claims each node it meets by writing its stamp and the
/// node's slot into <see cref="DelayedNode.PlanClaim"/> (one compare-and-swap), and clears the claims
/// when the plan is done; afterwards slots are only read from the plan's arrays. A node that another
/// compute is planning at the same moment goes to a dictionary instead: shared nodes stay correct, and
/// the common case costs no hashing.
/// </remarks>
internal sealed class ComputePlan
{
    private ComputePlan(TaskRun[] runs, int[] argumentSlots, int[] consumerStart, int[] consumers, int[] targetSlots, int[] initiallyReady, long[] buildOrder)
    {
        Runs = runs;
        ArgumentSlots = argumentSlots;
        ConsumerStart = consumerStart;
        Consumers = consumers;
        TargetSlots = targetSlots;
        InitiallyReady = initiallyReady;
        BuildOrder = buildOrder;
    }

    /// <summary>The tasks by slot.</summary>
    internal TaskRun[] Runs { get; }

    /// <summary>For each task, from its <see cref="TaskRun.FirstArgument"/>, the slot of each argument (-1 for a constant or a null handle).</summary>
    internal int[] ArgumentSlots { get; }

    /// <summary>The consumers of task <c>s</c> are <c>Consumers[ConsumerStart[s]..ConsumerStart[s + 1]]</c>, one entry per argument occurrence.</summary>
    internal int[] ConsumerStart { get; }

    internal int[] Consumers { get; }

    /// <summary>The slot of each target (-1 for a constant).</summary>
    internal int[] TargetSlots { get; }

    /// <summary>Tasks with no task inputs, in slot order.</summary>
    internal int[] InitiallyReady { get; }

    /// <summary>
    /// For each task, the earliest build sequence among the nodes it stands for (a topological order:
    /// inputs are built first). Recorded only when asked for (the synchronous scheduler's order).
    /// </summary>
    internal long[] BuildOrder { get; }

    internal static ComputePlan Build(Computation owner, DelayedNode[] targets, bool recordBuildOrder)
    {
        var builder = new Builder(owner, recordBuildOrder);
        try
        {
            foreach (DelayedNode target in targets)
            {
                builder.Visit(target);
            }

            return builder.Finish(targets);
        }
        finally
        {
            builder.ReleaseClaims();
        }
    }

    private sealed class Builder
    {
        private const long StampMask = unchecked((long)0xFFFF_FFFF_0000_0000);
        private static int lastStamp;

        private readonly Computation owner;
        private readonly bool recordBuildOrder;
        private readonly long stamp;
        private readonly List<TaskRun> runs = new();
        private readonly List<long> buildOrder = new();
        private readonly List<int> initiallyReady = new();
        private Dictionary<DelayedNode, int>? contested;
        private Dictionary<PureCall, int>? pureSlots;
        private List<DelayedNode>? aliases;
        private int[] argumentSlots = new int[16];
        private int argumentCount;
        private Frame[] frames = new Frame[16];
        private int depth;

        internal Builder(Computation owner, bool recordBuildOrder)
        {
            this.owner = owner;
            this.recordBuildOrder = recordBuildOrder;
            int next;
            do
            {
                next = Interlocked.Increment(ref lastStamp);
            }
            while (next == 0);
            stamp = (long)next << 32;
        }

        /// <summary>Adds <paramref name="root"/> and everything it depends on, inputs first, with an explicit stack.</summary>
        internal void Visit(DelayedNode root)
        {
            if (!IsNewTask(root))
            {
                return;
            }

            Claim(root);
            frames[depth++] = new Frame(root);
            while (depth > 0)
            {
                ref Frame top = ref frames[depth - 1];
                DelayedNode?[] arguments = top.Node.Arguments;
                DelayedNode? unvisited = null;
                while (top.NextArgument < arguments.Length && unvisited is null)
                {
                    DelayedNode? argument = arguments[top.NextArgument++];
                    if (argument is not null && IsNewTask(argument))
                    {
                        unvisited = argument;
                    }
                }

                if (unvisited is null)
                {
                    depth--;
                    Add(top.Node);
                    continue;
                }

                if (depth == frames.Length)
                {
                    Array.Resize(ref frames, depth * 2);
                }

                Claim(unvisited);
                frames[depth++] = new Frame(unvisited);
            }
        }

        /// <summary>Clears this compute's claims: on the nodes with a slot, their pure duplicates, and (after a failure) those still on the stack.</summary>
        internal void ReleaseClaims()
        {
            foreach (TaskRun run in runs)
            {
                Release(run.Node);
            }

            foreach (DelayedNode alias in aliases ?? (IEnumerable<DelayedNode>)Array.Empty<DelayedNode>())
            {
                Release(alias);
            }

            for (int i = 0; i < depth; i++)
            {
                Release(frames[i].Node);
            }
        }

        internal ComputePlan Finish(DelayedNode[] targets)
        {
            TaskRun[] allRuns = runs.ToArray();
            var consumerStart = new int[allRuns.Length + 1];
            for (int slot = 0; slot < allRuns.Length; slot++)
            {
                consumerStart[slot + 1] = consumerStart[slot] + allRuns[slot].PendingConsumers;
            }

            var consumers = new int[consumerStart[allRuns.Length]];
            var filled = (int[])consumerStart.Clone();
            foreach (TaskRun run in allRuns)
            {
                int end = run.FirstArgument + run.Node.Arguments.Length;
                for (int i = run.FirstArgument; i < end; i++)
                {
                    if (argumentSlots[i] >= 0)
                    {
                        consumers[filled[argumentSlots[i]]++] = run.Slot;
                    }
                }
            }

            var targetSlots = new int[targets.Length];
            for (int i = 0; i < targets.Length; i++)
            {
                targetSlots[i] = targets[i].IsConstant ? -1 : SlotOf(targets[i]);
                if (targetSlots[i] >= 0)
                {
                    // Targets are kept until returned.
                    allRuns[targetSlots[i]].PendingConsumers++;
                }
            }

            return new ComputePlan(
                allRuns,
                argumentSlots.AsSpan(0, argumentCount).ToArray(),
                consumerStart,
                consumers,
                targetSlots,
                initiallyReady.ToArray(),
                buildOrder.ToArray());
        }

        private bool IsNewTask(DelayedNode node)
            => !node.IsConstant
                && (Volatile.Read(ref node.PlanClaim) & StampMask) != stamp
                && contested?.ContainsKey(node) != true;

        /// <summary>Marks <paramref name="node"/> as met (slot -1 until it gets one), or lists it as contested when another compute holds it.</summary>
        private void Claim(DelayedNode node)
        {
            if (Interlocked.CompareExchange(ref node.PlanClaim, stamp | 0xFFFF_FFFFL, 0) != 0)
            {
                (contested ??= new Dictionary<DelayedNode, int>(ReferenceEqualityComparer.Instance)).Add(node, -1);
            }
        }

        private void SetSlot(DelayedNode node, int slot)
        {
            if ((Volatile.Read(ref node.PlanClaim) & StampMask) == stamp)
            {
                Volatile.Write(ref node.PlanClaim, stamp | (uint)slot);
            }
            else
            {
                contested![node] = slot;
            }
        }

        private int SlotOf(DelayedNode node)
        {
            long claim = Volatile.Read(ref node.PlanClaim);
            return (claim & StampMask) == stamp ? (int)claim : contested![node];
        }

        private void Release(DelayedNode node)
        {
            if ((Volatile.Read(ref node.PlanClaim) & StampMask) == stamp)
            {
                Volatile.Write(ref node.PlanClaim, 0);
            }
        }

        /// <summary>Gives <paramref name="node"/> a slot once all its inputs have one; a pure call equal to an earlier one shares its slot.</summary>
        private void Add(DelayedNode node)
        {
            DelayedNode?[] arguments = node.Arguments;
            int first = argumentCount;
            EnsureArgumentCapacity(arguments.Length);
            foreach (DelayedNode? argument in arguments)
            {
                argumentSlots[argumentCount++] = argument is null || argument.IsConstant ? -1 : SlotOf(argument);
            }

            int slot = runs.Count;
            if (node.IsPure)
            {
                pureSlots ??= new Dictionary<PureCall, int>();
                var call = new PureCall(node, argumentSlots.AsSpan(first, arguments.Length).ToArray());
                if (pureSlots.TryGetValue(call, out int existing))
                {
                    SetSlot(node, existing);
                    (aliases ??= new List<DelayedNode>()).Add(node);
                    if (recordBuildOrder)
                    {
                        buildOrder[existing] = Math.Min(buildOrder[existing], node.Sequence);
                    }

                    argumentCount = first;
                    return;
                }

                pureSlots.Add(call, slot);
            }

            TaskRun run = node.CreateRun(owner, slot, first);
            for (int i = first; i < argumentCount; i++)
            {
                if (argumentSlots[i] >= 0)
                {
                    run.Remaining++;
                    runs[argumentSlots[i]].PendingConsumers++;
                }
            }

            if (run.Remaining == 0)
            {
                initiallyReady.Add(slot);
            }

            runs.Add(run);
            if (recordBuildOrder)
            {
                buildOrder.Add(node.Sequence);
            }

            SetSlot(node, slot);
        }

        private void EnsureArgumentCapacity(int more)
        {
            if (argumentCount + more > argumentSlots.Length)
            {
                Array.Resize(ref argumentSlots, Math.Max(argumentSlots.Length * 2, argumentCount + more));
            }
        }

        private struct Frame
        {
            internal Frame(DelayedNode node)
            {
                Node = node;
                NextArgument = 0;
            }

            internal DelayedNode Node;
            internal int NextArgument;
        }
    }
}

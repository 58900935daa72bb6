using System;
using System.Collections.Generic;
using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>
/// The tasks of one compute and how they connect, in flat arrays rented from the shared pools (see
/// <see cref="PooledArrays"/>; <see cref="Return"/> gives them back): the graph behind the targets walked
/// once, without recursion, shared and pure-equal nodes counted once, constants left out.
/// Slots are numbered in the walk's post-order, so every task's inputs have smaller slots. Arrays may be
/// longer than <see cref="Count"/>.
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
    /// <summary>The number of tasks.</summary>
    internal int Count;

    /// <summary>The tasks by slot.</summary>
    internal TaskRun[] Runs = Array.Empty<TaskRun>();

    /// <summary>For each task, from its <see cref="TaskRun.FirstArgument"/>, the slot of each argument (-1 for a constant or a null handle).</summary>
    internal int[] ArgumentSlots = Array.Empty<int>();

    /// <summary>Per task: task inputs (argument occurrences) not yet finished; the task is ready at 0.</summary>
    internal int[] Remaining = Array.Empty<int>();

    /// <summary>Per task: consumers (argument occurrences, plus one per target occurrence) not yet invoked; the result is released at 0.</summary>
    internal int[] PendingConsumers = Array.Empty<int>();

    /// <summary>The consumers of task <c>s</c> are <c>Consumers[ConsumerStart[s]..ConsumerStart[s + 1]]</c>, one entry per argument occurrence.</summary>
    internal int[] ConsumerStart = Array.Empty<int>();

    internal int[] Consumers = Array.Empty<int>();

    /// <summary>Tasks with no task inputs, in slot order: the first <see cref="InitiallyReadyCount"/> entries.</summary>
    internal int[] InitiallyReady = Array.Empty<int>();

    internal int InitiallyReadyCount;

    /// <summary>The slot of each target (-1 for a constant).</summary>
    internal int[] TargetSlots = Array.Empty<int>();

    /// <summary>
    /// For each task, the earliest build sequence among the nodes it stands for (a topological order:
    /// inputs are built first). Recorded only when asked for (the synchronous scheduler's order).
    /// </summary>
    internal long[]? BuildOrder;

    internal static ComputePlan Build(DelayedNode[] targets, bool recordBuildOrder)
    {
        var plan = new ComputePlan();
        var builder = new Builder(plan, recordBuildOrder);
        try
        {
            foreach (DelayedNode target in targets)
            {
                builder.Visit(target);
            }

            builder.Finish(targets);
            return plan;
        }
        catch
        {
            plan.Return();
            throw;
        }
        finally
        {
            builder.ReleaseClaims();
        }
    }

    /// <summary>Gives every array back to its pool. Only once nothing of the compute reads them any more.</summary>
    internal void Return()
    {
        PooledArrays.Return(ref Runs);
        PooledArrays.Return(ref ArgumentSlots);
        PooledArrays.Return(ref Remaining);
        PooledArrays.Return(ref PendingConsumers);
        PooledArrays.Return(ref ConsumerStart);
        PooledArrays.Return(ref Consumers);
        PooledArrays.Return(ref InitiallyReady);
    }

    private sealed class Builder
    {
        private const long StampMask = unchecked((long)0xFFFF_FFFF_0000_0000);
        private static int lastStamp;

        private const int InitialCapacity = 256;

        private readonly ComputePlan plan;
        private readonly bool recordBuildOrder;
        private readonly long stamp;
        private readonly List<long>? buildOrder;
        private Dictionary<DelayedNode, int>? contested;
        private Dictionary<PureCall, int>? pureSlots;
        private List<DelayedNode>? aliases;
        private int argumentCount;
        private Frame[] frames = PooledArrays.Rent<Frame>(64);
        private int depth;

        internal Builder(ComputePlan plan, bool recordBuildOrder)
        {
            this.plan = plan;
            this.recordBuildOrder = recordBuildOrder;
            buildOrder = recordBuildOrder ? new List<long>() : null;
            plan.Runs = PooledArrays.Rent<TaskRun>(InitialCapacity);
            plan.ArgumentSlots = PooledArrays.Rent<int>(InitialCapacity);
            plan.Remaining = PooledArrays.Rent<int>(InitialCapacity);
            plan.PendingConsumers = PooledArrays.Rent<int>(InitialCapacity);
            plan.InitiallyReady = PooledArrays.Rent<int>(InitialCapacity);
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

                PooledArrays.Grow(ref frames, depth, depth + 1);

                Claim(unvisited);
                frames[depth++] = new Frame(unvisited);
            }
        }

        /// <summary>Clears this compute's claims (on the nodes with a slot, their pure duplicates, and after a failure those still on the stack) and returns the walk's stack.</summary>
        internal void ReleaseClaims()
        {
            TaskRun[] runs = plan.Runs;
            for (int slot = 0; slot < plan.Count; slot++)
            {
                Release(runs[slot].Node);
            }

            foreach (DelayedNode alias in aliases ?? (IEnumerable<DelayedNode>)Array.Empty<DelayedNode>())
            {
                Release(alias);
            }

            for (int i = 0; i < depth; i++)
            {
                Release(frames[i].Node);
            }

            PooledArrays.Return(ref frames);
        }

        internal void Finish(DelayedNode[] targets)
        {
            int count = plan.Count;
            TaskRun[] runs = plan.Runs;
            int[] argumentSlots = plan.ArgumentSlots;
            int[] pendingConsumers = plan.PendingConsumers;
            int[] consumerStart = plan.ConsumerStart = PooledArrays.Rent<int>(count + 1);
            consumerStart[0] = 0;
            for (int slot = 0; slot < count; slot++)
            {
                consumerStart[slot + 1] = consumerStart[slot] + pendingConsumers[slot];
            }

            int[] consumers = plan.Consumers = PooledArrays.Rent<int>(consumerStart[count]);
            int[] filled = PooledArrays.Rent<int>(count);
            Array.Copy(consumerStart, filled, count);
            for (int slot = 0; slot < count; slot++)
            {
                TaskRun run = runs[slot];
                int end = run.FirstArgument + run.Node.Arguments.Length;
                for (int i = run.FirstArgument; i < end; i++)
                {
                    if (argumentSlots[i] >= 0)
                    {
                        consumers[filled[argumentSlots[i]]++] = slot;
                    }
                }
            }

            PooledArrays.Return(ref filled);
            var targetSlots = new int[targets.Length];
            for (int i = 0; i < targets.Length; i++)
            {
                targetSlots[i] = targets[i].IsConstant ? -1 : SlotOf(targets[i]);
                if (targetSlots[i] >= 0)
                {
                    // Targets are kept until returned.
                    pendingConsumers[targetSlots[i]]++;
                }
            }

            plan.TargetSlots = targetSlots;
            plan.BuildOrder = buildOrder?.ToArray();
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
            PooledArrays.Grow(ref plan.ArgumentSlots, argumentCount, argumentCount + arguments.Length);
            int[] argumentSlots = plan.ArgumentSlots;
            foreach (DelayedNode? argument in arguments)
            {
                argumentSlots[argumentCount++] = argument is null || argument.IsConstant ? -1 : SlotOf(argument);
            }

            int slot = plan.Count;
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
                        buildOrder![existing] = Math.Min(buildOrder[existing], node.Sequence);
                    }

                    argumentCount = first;
                    return;
                }

                pureSlots.Add(call, slot);
            }

            PooledArrays.Grow(ref plan.Runs, slot, slot + 1);
            PooledArrays.Grow(ref plan.Remaining, slot, slot + 1);
            PooledArrays.Grow(ref plan.PendingConsumers, slot, slot + 1);
            plan.Runs[slot] = node.CreateRun(first);
            int remaining = 0;
            int[] pendingConsumers = plan.PendingConsumers;
            for (int i = first; i < argumentCount; i++)
            {
                if (argumentSlots[i] >= 0)
                {
                    remaining++;
                    pendingConsumers[argumentSlots[i]]++;
                }
            }

            plan.Remaining[slot] = remaining;
            pendingConsumers[slot] = 0;
            if (remaining == 0)
            {
                PooledArrays.Grow(ref plan.InitiallyReady, plan.InitiallyReadyCount, plan.InitiallyReadyCount + 1);
                plan.InitiallyReady[plan.InitiallyReadyCount++] = slot;
            }

            plan.Count = slot + 1;
            buildOrder?.Add(node.Sequence);
            SetSlot(node, slot);
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

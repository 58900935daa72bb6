using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using TaskGraph.Nodes;

namespace TaskGraph.Scheduling;

/// <summary>
/// The tasks of one compute and how they connect, in flat arrays rented from the shared pools (see
/// <see cref="PooledArrays"/>; <see cref="Return"/> gives them back): the graph behind the targets walked
/// once, without recursion, shared and pure-equal nodes counted once (<see cref="PureDedupe"/>), constants left out.
/// Slots are numbered in the walk's post-order, so every task's inputs have smaller slots. Arrays may be
/// longer than <see cref="TaskTable.Count"/>.
/// </summary>
/// <remarks>
/// Node to slot: the compute holding the claims (<see cref="PlanStamps"/>, one at a time) writes its stamp
/// into <see cref="DelayedNode.PlanStamp"/> of each node it meets and then the node's slot into
/// <see cref="DelayedNode.PlanSlot"/>, with plain writes; afterwards slots are only read from the plan's
/// arrays. Claims are not cleared (that would be a second pass over every node): a stamp of a compute
/// that has finished planning is stale. A compute that plans while another holds the claims maps nodes to
/// slots in a dictionary instead: correct for shared nodes, at the cost of hashing each node.
/// </remarks>
internal sealed class ComputePlan
{
    /// <summary>The tasks, their arguments and consumers: what the compute runs and the tasks' invokers read.</summary>
    internal readonly TaskTable Table = new();

    /// <summary>
    /// Synchronous tasks with no task inputs that run on workers (not blocking): the first
    /// <see cref="InitiallyReadyCount"/> entries, in slot order, until back-pressure orders them
    /// (<see cref="BackPressure.OrderSources"/>), with <see cref="AwaitedSources"/> ahead.
    /// </summary>
    internal int[] InitiallyReady = Array.Empty<int>();

    internal int InitiallyReadyCount;

    /// <summary>How many of <see cref="InitiallyReady"/> back-pressure leaves alone (set by <see cref="BackPressure.OrderSources"/>).</summary>
    internal int InitiallyUncountedCount;

    /// <summary>Asynchronous tasks with no task inputs, in slot order (not yet in <see cref="InitiallyReady"/>).</summary>
    internal List<int>? AwaitedSources;

    /// <summary>Blocking tasks with no task inputs, in slot order.</summary>
    internal List<int>? InitiallyReadyBlocking;

    /// <summary>Whether a task's method sets its own retries or timeout (see <see cref="AttemptGuard"/>).</summary>
    internal bool HasGuardedTask;

    /// <summary>The slot of each target (-1 for a constant).</summary>
    internal int[] TargetSlots = Array.Empty<int>();

    /// <summary>The tasks per method, counted as they are added; only when asked (an observed compute).</summary>
    internal MethodCounts? TasksPerMethod;

    /// <summary>Plans the graph behind <paramref name="targets"/>.</summary>
    /// <param name="targets">The compute's targets.</param>
    /// <param name="separateBlocking">Whether blocking tasks run apart from the workers (marked in <see cref="TaskTable.Consumers"/>, listed in <see cref="InitiallyReadyBlocking"/>); else they are tasks like any other.</param>
    /// <param name="countMethods">Whether to count the tasks per method (<see cref="TasksPerMethod"/>).</param>
    internal static ComputePlan Build(DelayedNode[] targets, bool separateBlocking, bool countMethods)
    {
        var plan = new ComputePlan { TasksPerMethod = countMethods ? new MethodCounts() : null };
        var builder = new Builder(plan, separateBlocking);
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
            builder.End();
        }
    }

    /// <summary>Gives every array back to its pool. Only once nothing of the compute reads them any more.</summary>
    internal void Return()
    {
        Table.Return();
        PooledArrays.Return(ref InitiallyReady, 0);
    }

    private sealed class Builder
    {
        private const int InitialCapacity = 256;

        /// <summary>What <see cref="ResolveOrClaim"/> returns for a task met for the first time (every slot and -1 differ from it).</summary>
        private const int Unvisited = int.MinValue;

        private readonly ComputePlan plan;
        private readonly long stamp;
        private readonly bool separateBlocking;
        /// <summary>Node to slot when another compute holds the claims (<see cref="stamp"/> is 0).</summary>
        private readonly Dictionary<DelayedNode, int>? slots;
        private PureDedupe pureCalls;
        private int argumentCount;
        private HashSet<int>? blockingSlots;
        private Frame[] frames = PooledArrays.Rent<Frame>(64);
        private int[] slotStack = PooledArrays.Rent<int>(64);
        private int stacked;
        private int depth;
        private int deepest;

        internal Builder(ComputePlan plan, bool separateBlocking)
        {
            this.plan = plan;
            this.separateBlocking = separateBlocking;
            plan.Table.Tasks = PooledArrays.Rent<TaskEntry>(InitialCapacity);
            plan.Table.ArgumentSlots = PooledArrays.Rent<int>(InitialCapacity);
            plan.InitiallyReady = PooledArrays.Rent<int>(InitialCapacity);
            stamp = PlanStamps.TryBegin();
            if (stamp == 0)
            {
                slots = new Dictionary<DelayedNode, int>(ReferenceEqualityComparer.Instance);
            }
        }

        /// <summary>
        /// Adds <paramref name="root"/> and everything it depends on, inputs first, with an explicit stack.
        /// Each argument is looked at once: its slot (or -1 for a constant or a null handle) goes on the
        /// slot stack when it is known, so a node's argument slots lie on top of the stack when its turn comes.
        /// </summary>
        internal void Visit(DelayedNode root)
        {
            if (ResolveOrClaim(root) != Unvisited)
            {
                return;
            }

            frames[depth++] = new Frame(root);
            while (depth > 0)
            {
                ref Frame top = ref frames[depth - 1];
                DelayedNode node = top.Node;
                NodeArguments arguments = node.Arguments;
                DelayedNode? unvisited = null;
                if (!node.IsSource)
                {
                    PooledArrays.Grow(ref slotStack, stacked, stacked + arguments.Count);
                    while (top.NextArgument < arguments.Count)
                    {
                        DelayedNode? argument = arguments[top.NextArgument++];
                        int slot = ResolveOrClaim(argument);
                        if (slot == Unvisited)
                        {
                            if (!argument!.IsSource)
                            {
                                unvisited = argument;
                                break;
                            }

                            // A source has no task inputs to visit first: added at once, without a frame.
                            slot = Add(argument, ReadOnlySpan<int>.Empty);
                        }

                        slotStack[stacked++] = slot;
                    }
                }

                if (unvisited is not null)
                {
                    PooledArrays.Grow(ref frames, depth, depth + 1);
                    frames[depth++] = new Frame(unvisited);
                    deepest = Math.Max(deepest, depth);
                    continue;
                }

                depth--;
                int inputs = node.IsSource ? 0 : arguments.Count;
                stacked -= inputs;
                int added = Add(node, slotStack.AsSpan(stacked, inputs));
                if (depth > 0)
                {
                    // The slot of the argument the node below was waiting for.
                    slotStack[stacked++] = added;
                }
            }
        }

        /// <summary>Ends planning: this compute's claims go stale; the walk's stack goes back to its pool.</summary>
        internal void End()
        {
            PlanStamps.End(stamp);
            PooledArrays.Return(ref frames, Math.Max(deepest, 1));
            PooledArrays.Return(ref slotStack, 0);
        }

        internal void Finish(DelayedNode[] targets)
        {
            int count = plan.Table.Count;
            TaskEntry[] tasks = plan.Table.Tasks;
            int[] argumentSlots = plan.Table.ArgumentSlots;
            tasks[count] = new TaskEntry { ArgumentStart = argumentCount };
            int[] filled = PooledArrays.Rent<int>(count);
            int start = 0;
            for (int slot = 0; slot < count; slot++)
            {
                tasks[slot].ConsumerStart = start;
                filled[slot] = start;
                start += tasks[slot].PendingConsumers;
            }

            tasks[count].ConsumerStart = start;
            int[] consumers = plan.Table.Consumers = PooledArrays.Rent<int>(start);
            for (int slot = 0; slot < count; slot++)
            {
                int entry = blockingSlots?.Contains(slot) == true ? ~slot : slot;
                int end = tasks[slot + 1].ArgumentStart;
                for (int i = tasks[slot].ArgumentStart; i < end; i++)
                {
                    int input = argumentSlots[i];
                    if (input >= 0)
                    {
                        consumers[filled[input]++] = entry;
                    }
                }
            }

            PooledArrays.Return(ref filled, 0);
            var targetSlots = new int[targets.Length];
            for (int i = 0; i < targets.Length; i++)
            {
                targetSlots[i] = targets[i].IsConstant ? -1 : SlotOf(targets[i]);
                if (targetSlots[i] >= 0)
                {
                    // Targets are kept until returned.
                    tasks[targetSlots[i]].PendingConsumers++;
                }
            }

            plan.TargetSlots = targetSlots;
        }

        /// <summary>
        /// The slot of an argument already planned, -1 for a constant or a null handle, or
        /// <see cref="Unvisited"/> for a task met for the first time, which it claims (its slot follows once
        /// its inputs have theirs: a graph has no cycles, so nobody asks for it in between).
        /// </summary>
        private int ResolveOrClaim(DelayedNode? node)
        {
            if (node is null || node.IsConstant)
            {
                return -1;
            }

            if (slots is not null)
            {
                ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(slots, node, out bool known);
                return known ? slot : Unvisited;
            }

            if (node.PlanStamp == stamp)
            {
                return node.PlanSlot;
            }

            node.PlanStamp = stamp;
            return Unvisited;
        }

        private void SetSlot(DelayedNode node, int slot)
        {
            if (slots is not null)
            {
                slots[node] = slot;
            }
            else
            {
                node.PlanSlot = slot;
            }
        }

        private int SlotOf(DelayedNode node) => slots is not null ? slots[node] : node.PlanSlot;

        /// <summary>
        /// Gives <paramref name="node"/> a slot once all its inputs have one (<paramref name="inputSlots"/>,
        /// empty for a source: its arguments are all constants or null handles); a pure call equal to an
        /// earlier one shares its slot. Returns the slot.
        /// </summary>
        private int Add(DelayedNode node, ReadOnlySpan<int> inputSlots)
        {
            int count = node.Arguments.Count;
            int first = argumentCount;
            PooledArrays.Grow(ref plan.Table.ArgumentSlots, first, first + count);
            int[] argumentSlots = plan.Table.ArgumentSlots;
            bool isSource = node.IsSource;

            // A loop, not a span copy: one or two slots are the rule.
            for (int i = 0; i < count; i++)
            {
                argumentSlots[first + i] = isSource ? -1 : inputSlots[i];
            }

            argumentCount += count;
            int slot = plan.Table.Count;
            if (node.IsPure && pureCalls.TryShare(node, argumentSlots.AsSpan(first, count), slot, out int existing))
            {
                SetSlot(node, existing);
                argumentCount = first;
                return existing;
            }

            // Room for the entry after the last task too (see Finish).
            PooledArrays.Grow(ref plan.Table.Tasks, slot, slot + 2);
            TaskEntry[] tasks = plan.Table.Tasks;
            int remaining = 0;
            for (int i = first; i < argumentCount; i++)
            {
                if (argumentSlots[i] >= 0)
                {
                    remaining++;
                    tasks[argumentSlots[i]].PendingConsumers++;
                }
            }

            // Field by field: the pooled entry may hold anything; ConsumerStart follows in Finish.
            ref TaskEntry task = ref tasks[slot];
            task.Node = node;
            task.Result = null;
            task.ResultBits = 0;
            task.Remaining = remaining;
            task.PendingConsumers = 0;
            task.ArgumentStart = first;
            plan.TasksPerMethod?.Add(node.Method);
            plan.HasGuardedTask |= node.IsGuarded;
            if (separateBlocking && node.IsBlocking)
            {
                (blockingSlots ??= new HashSet<int>()).Add(slot);
            }

            if (remaining == 0)
            {
                AddInitiallyReady(node, slot);
            }

            plan.Table.Count = slot + 1;
            SetSlot(node, slot);
            return slot;
        }

        private void AddInitiallyReady(DelayedNode node, int slot)
        {
            if (separateBlocking && node.IsBlocking)
            {
                (plan.InitiallyReadyBlocking ??= new List<int>()).Add(slot);
                return;
            }

            if (node.IsAsync)
            {
                (plan.AwaitedSources ??= new List<int>()).Add(slot);
                return;
            }

            PooledArrays.Grow(ref plan.InitiallyReady, plan.InitiallyReadyCount, plan.InitiallyReadyCount + 1);
            plan.InitiallyReady[plan.InitiallyReadyCount++] = slot;
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

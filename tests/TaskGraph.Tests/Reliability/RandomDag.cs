using System;
using System.Collections.Generic;

namespace TaskGraph.Tests.Reliability;

/// <summary>How a random DAG's node runs.</summary>
internal enum DagNodeKind
{
    /// <summary>A synchronous CPU task.</summary>
    Cpu,

    /// <summary>An asynchronous task that completes without awaiting.</summary>
    AsyncCompleted,

    /// <summary>An asynchronous task that yields before it computes.</summary>
    AsyncYielding,

    /// <summary>A <c>[Delayed(Blocking = true)]</c> task.</summary>
    Blocking,
}

/// <summary>One argument of a random DAG's node: another node, a constant, or a null handle.</summary>
internal readonly record struct DagInput(int Node, ulong Constant, bool IsNull)
{
    public bool IsNode => Node >= 0;
}

/// <summary>
/// The structure of a random DAG: node i takes inputs only from nodes before it (so index order is a
/// topological order), with random fan-in (now and then very wide), random fan-out (hubs, recent nodes,
/// anything before), repeated inputs, constants and null handles. A node's value mixes a salt with its
/// inputs' values, so any wrong, missing or repeated input changes the result.
/// </summary>
internal sealed class RandomDag
{
    private RandomDag(int seed, DagNodeKind[] kinds, DagInput[][] inputs, ulong[] salts, int[] targets)
    {
        Seed = seed;
        Kinds = kinds;
        Inputs = inputs;
        Salts = salts;
        Targets = targets;
    }

    public int Seed { get; }

    public DagNodeKind[] Kinds { get; }

    public DagInput[][] Inputs { get; }

    public ulong[] Salts { get; }

    /// <summary>The nodes computed: every node nothing consumes, and a few that something does.</summary>
    public int[] Targets { get; }

    public int Count => Kinds.Length;

    public int EdgeCount
    {
        get
        {
            int edges = 0;
            foreach (DagInput[] inputs in Inputs)
            {
                edges += inputs.Length;
            }

            return edges;
        }
    }

    /// <summary>A DAG of <paramref name="size"/> nodes drawn from <paramref name="seed"/>; blocking nodes only when <paramref name="allowBlocking"/>.</summary>
    public static RandomDag Generate(int seed, int size, bool allowBlocking)
    {
        var random = new Random(seed);
        var kinds = new DagNodeKind[size];
        var inputs = new DagInput[size][];
        var salts = new ulong[size];
        var consumed = new bool[size];
        int hubs = Math.Max(1, size / 50);
        for (int i = 0; i < size; i++)
        {
            salts[i] = (ulong)random.NextInt64();
            int roll = random.Next(100);
            kinds[i] = roll < 88 ? DagNodeKind.Cpu
                : roll < 93 ? DagNodeKind.AsyncCompleted
                : roll < 98 || !allowBlocking ? DagNodeKind.AsyncYielding
                : DagNodeKind.Blocking;

            int fanIn = i == 0 || random.Next(10) == 0 ? 0
                : random.Next(50) == 0 ? random.Next(1, Math.Min(i, 200) + 1)
                : 1 + (int)Math.Min(6, -Math.Log(1 - random.NextDouble()) * 1.5);
            var nodeInputs = new List<DagInput>(fanIn + 1);
            for (int k = 0; k < fanIn; k++)
            {
                int source = random.Next(10) switch
                {
                    < 2 => random.Next(Math.Min(hubs, i)),
                    < 6 => i - 1 - random.Next(Math.Min(i, 20)),
                    _ => random.Next(i),
                };
                nodeInputs.Add(new DagInput(source, 0, false));
                consumed[source] = true;
            }

            if (random.Next(8) == 0)
            {
                nodeInputs.Insert(random.Next(nodeInputs.Count + 1), new DagInput(-1, (ulong)random.NextInt64(), false));
            }

            if (random.Next(40) == 0)
            {
                nodeInputs.Insert(random.Next(nodeInputs.Count + 1), new DagInput(-1, 0, true));
            }

            inputs[i] = nodeInputs.ToArray();
        }

        var targets = new List<int>();
        for (int i = 0; i < size; i++)
        {
            if (!consumed[i] || random.Next(100) == 0)
            {
                targets.Add(i);
            }
        }

        return new RandomDag(seed, kinds, inputs, salts, targets.ToArray());
    }

    /// <summary>The value of every node, by a plain loop in index order: the reference the computes are checked against.</summary>
    public ulong[] EvaluateSequentially()
    {
        var values = new ulong[Count];
        var arguments = new List<ulong>();
        for (int i = 0; i < Count; i++)
        {
            arguments.Clear();
            foreach (DagInput input in Inputs[i])
            {
                arguments.Add(input.IsNode ? values[input.Node] : input.Constant);
            }

            values[i] = Mix(Salts[i], arguments);
        }

        return values;
    }

    /// <summary>A node's value from its salt and its arguments' values, in order.</summary>
    public static ulong Mix(ulong salt, IReadOnlyList<ulong> arguments)
    {
        ulong hash = salt;
        for (int i = 0; i < arguments.Count; i++)
        {
            hash = (hash ^ arguments[i]) * 0x9E3779B97F4A7C15UL;
            hash ^= hash >> 31;
        }

        return hash;
    }
}

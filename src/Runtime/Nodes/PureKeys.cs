using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace TaskGraph.Nodes;

/// <summary>
/// Keys of pure calls: <c>Name-token</c>, the token hashing the method id, the invoker's target (the
/// instance, for instance methods) and each argument (a constant by value, a task by its key), so
/// equal pure calls get equal keys. The token is a 64-bit hash: it names tasks; deduplication within
/// a compute compares the arguments themselves.
/// </summary>
internal static class PureKeys
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    internal static string Create<T>(CallNode<T> node)
    {
        KeyPureInputs(node);
        ulong hash = Add(OffsetBasis, node.Method!.Id);
        hash = Add(hash, node.Invoker.Target is { } target ? RuntimeHelpers.GetHashCode(target) : 0);
        foreach (DelayedNode? argument in node.Arguments)
        {
            hash = argument switch
            {
                null => Add(hash, 0),
                { IsConstant: true } => Add(hash, argument.ValueHashCode),
                _ => Add(hash, argument.Key),
            };
        }

        return node.Name + "-" + hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Gives every pure input of <paramref name="node"/> its key, deepest first, with an explicit stack:
    /// a pure chain of a million calls must not recurse. When a node is keyed here all its pure inputs
    /// already are, so its own <see cref="DelayedNode.Key"/> reaches this method with nothing to do.
    /// </summary>
    private static void KeyPureInputs(DelayedNode node)
    {
        Stack<DelayedNode>? pending = null;
        PushUnkeyedInputs(node, ref pending);
        while (pending is { Count: > 0 })
        {
            DelayedNode top = pending.Peek();
            if (top.HasKey)
            {
                pending.Pop();
            }
            else if (!PushUnkeyedInputs(top, ref pending))
            {
                pending!.Pop();
                _ = top.Key;
            }
        }
    }

    private static bool PushUnkeyedInputs(DelayedNode node, ref Stack<DelayedNode>? pending)
    {
        bool pushed = false;
        foreach (DelayedNode? argument in node.Arguments)
        {
            if (argument is { IsPure: true, HasKey: false })
            {
                (pending ??= new Stack<DelayedNode>()).Push(argument);
                pushed = true;
            }
        }

        return pushed;
    }

    private static ulong Add(ulong hash, int value) => (hash ^ (uint)value) * Prime;

    private static ulong Add(ulong hash, string text)
    {
        foreach (char c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}

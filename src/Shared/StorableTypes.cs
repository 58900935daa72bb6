using System;
using System.Collections.Generic;

namespace TaskGraph.Shared;

/// <summary>
/// The one rule for what may leave the process (to another silo) or outlive it (in a result store): never a
/// value that is a handle to something of one process. Compiled into the generator (over Roslyn's symbols, for
/// diagnostic TG0012), into TaskGraph.Resume (over <see cref="Type"/>, before a compute starts) and into
/// TaskGraph.Orleans (its travel rules); each supplies how to look at its kind of type.
/// </summary>
internal static class StorableTypes
{
    /// <summary>Types whose values belong to one process, by metadata name, with what the message says of them.</summary>
    private static readonly KeyValuePair<string, string>[] ProcessBound =
    [
        new("System.Delegate", "is a delegate"),
        new("System.Reflection.MemberInfo", "is a reflection object"),
        new("System.Threading.Tasks.Task", "is a task"),
        new("System.Threading.Tasks.ValueTask", "is a task"),
        new("System.IO.Stream", "is a stream"),
        new("System.IDisposable", "holds a resource (it is IDisposable)"),
        new("System.Threading.CancellationToken", "is a cancellation token"),
    ];

    /// <summary>
    /// Why values of <paramref name="type"/> cannot be stored or sent (e.g. "is a delegate"), looking through arrays'
    /// elements and generic type arguments; <see langword="null"/> when nothing refuses it.
    /// </summary>
    public static string? RefusalReason<TType>(TType type, ITypeFacts<TType> facts)
    {
        var pending = new Stack<TType>();
        var seen = new HashSet<TType>();
        pending.Push(type);
        while (pending.Count > 0)
        {
            TType next = pending.Pop();
            if (!seen.Add(next))
            {
                continue;
            }

            if (OwnReason(next, facts) is { } reason)
            {
                return EqualityComparer<TType>.Default.Equals(next, type) ? reason : $"holds '{facts.Display(next)}', which {reason}";
            }

            foreach (TType part in facts.Parts(next))
            {
                pending.Push(part);
            }
        }

        return null;
    }

    private static string? OwnReason<TType>(TType type, ITypeFacts<TType> facts)
    {
        if (facts.IsPointer(type))
        {
            return "is a pointer";
        }

        if (facts.IsRefStruct(type))
        {
            return "is a ref struct";
        }

        foreach (string name in facts.SelfBasesAndInterfaces(type))
        {
            foreach (var bound in ProcessBound)
            {
                if (bound.Key == name)
                {
                    return bound.Value;
                }
            }
        }

        return null;
    }

    /// <summary>How <see cref="RefusalReason"/> looks at one kind of type (Roslyn's or reflection's).</summary>
    public interface ITypeFacts<TType>
    {
        bool IsPointer(TType type);

        bool IsRefStruct(TType type);

        /// <summary>The metadata names (<c>Namespace.Name</c>, generic arity dropped) of the type, its base types and interfaces.</summary>
        IEnumerable<string> SelfBasesAndInterfaces(TType type);

        /// <summary>An array's element type and a generic type's arguments.</summary>
        IEnumerable<TType> Parts(TType type);

        string Display(TType type);
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace TaskGraph.Execution;

/// <summary>
/// The process-wide registry of <c>[Delayed]</c> methods that can run from their id and argument values
/// alone: filled by generated code when an assembly loads (a module initializer per type), read by
/// executors in other processes that loaded the same assembly.
/// </summary>
/// <remarks>
/// Registered: static, non-generic methods of types that are neither generic nor nested inside a generic
/// type and are visible to their whole assembly (public, internal or protected internal all the way out):
/// a module initializer cannot live elsewhere. Other methods still run locally; <see cref="DelayedMethod.CanRunById"/>
/// tells which is which. An id registered twice (the same assembly loaded twice) keeps the first descriptor.
/// </remarks>
public static class DelayedMethods
{
    private static readonly ConcurrentDictionary<string, DelayedMethod> ById = new(StringComparer.Ordinal);

    /// <summary>Finds a registered method by its <see cref="DelayedMethod.Id"/>.</summary>
    public static bool TryGet(string id, [NotNullWhen(true)] out DelayedMethod? method)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.TryGetValue(id, out method);
    }

    /// <summary>
    /// Registers the methods of <paramref name="assembly"/> now. The runtime runs a module initializer only when
    /// the module is first used, so a worker that runs tasks of a library it never touched names it here.
    /// </summary>
    public static void RegisterAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
    }

    /// <summary>Registers <paramref name="method"/> with the factory that builds its node (its core wrapper). Generated code calls this.</summary>
    /// <param name="method">The method's descriptor.</param>
    /// <param name="createNode">Builds the method's node from one entry per parameter, each a node or a constant value (read with <see cref="Argument{T}"/>).</param>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void Register(DelayedMethod method, Func<IReadOnlyList<object?>, DelayedNode> createNode)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(createNode);
        if (ById.TryAdd(method.Id, method))
        {
            method.TrySetNodeFactory(createNode);
        }
    }

    /// <summary>Entry <paramref name="index"/> of a node factory's arguments as a handle of <typeparamref name="T"/>: the node itself, or a constant of the value. Generated code calls this.</summary>
    /// <exception cref="InvalidCastException">The entry is a node of another type, or a value that is not a <typeparamref name="T"/>.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static Delayed<T> Argument<T>(IReadOnlyList<object?> arguments, int index)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments[index] switch
        {
            null => null!,
            Delayed<T> node => node,
            DelayedNode other => throw new InvalidCastException($"Argument {index} is node '{other.Key}', not a Delayed<{typeof(T).Name}>."),
            T value => Delayed.Value(value),
            var value => throw new InvalidCastException($"Argument {index} is a {value.GetType().Name}, not a {typeof(T).Name}."),
        };
    }
}

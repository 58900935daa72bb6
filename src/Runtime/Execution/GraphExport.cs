using System;
using System.Collections.Generic;

namespace TaskGraph.Execution;

/// <summary>
/// Turns the graph behind a compute's targets into an <see cref="ExportedGraph"/>, and checks before any
/// task runs that every task can run elsewhere: a method that is not registered by id (an instance or
/// generic method, see <see cref="DelayedMethod.CanRunById"/>) is an error naming the task.
/// </summary>
public static class GraphExport
{
    /// <summary>Exports the graph that <paramref name="targets"/> need. Calls with equal keys (equal pure calls) become one task.</summary>
    /// <exception cref="ArgumentException">A target is null.</exception>
    /// <exception cref="NotSupportedException">A task's method cannot run by id (the message names the task and the method).</exception>
    public static ExportedGraph Export(IReadOnlyList<DelayedNode> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var tasks = new List<ExportedTask>();
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var exportedTargets = new ExportedArgument[targets.Count];
        for (int i = 0; i < targets.Count; i++)
        {
            var target = targets[i] ?? throw new ArgumentException($"Target {i} is null.", nameof(targets));
            exportedTargets[i] = ExportTree(target, tasks, indexByKey);
        }

        return new ExportedGraph(tasks, exportedTargets);
    }

    /// <summary>Exports <paramref name="root"/> and what it needs, inputs first, without recursion (chains may be long).</summary>
    private static ExportedArgument ExportTree(DelayedNode root, List<ExportedTask> tasks, Dictionary<string, int> indexByKey)
    {
        if (root.IsConstant || indexByKey.ContainsKey(root.Key))
        {
            return Argument(root, indexByKey);
        }

        var pending = new Stack<(DelayedNode Node, bool InputsDone)>();
        pending.Push((root, false));
        while (pending.Count > 0)
        {
            var (node, inputsDone) = pending.Pop();
            if (indexByKey.ContainsKey(node.Key))
            {
                continue;
            }

            if (!inputsDone)
            {
                pending.Push((node, true));
                foreach (DelayedNode? input in node.Arguments)
                {
                    if (input is { IsConstant: false } && !indexByKey.ContainsKey(input.Key))
                    {
                        pending.Push((input, false));
                    }
                }

                continue;
            }

            var arguments = new ExportedArgument[node.Arguments.Count];
            for (int i = 0; i < arguments.Length; i++)
            {
                arguments[i] = Argument(node.Arguments[i], indexByKey);
            }

            indexByKey.Add(node.Key, tasks.Count);
            tasks.Add(new ExportedTask(node, node.Key, MethodIdOf(node), ResultTypeOf(node), arguments));
        }

        return Argument(root, indexByKey);
    }

    private static ExportedArgument Argument(DelayedNode? node, Dictionary<string, int> indexByKey)
        => node switch
        {
            null => new ExportedArgument(-1, null),
            { IsConstant: true } => new ExportedArgument(-1, node.ConstantValue),
            _ => new ExportedArgument(indexByKey[node.Key], null),
        };

    private static string? MethodIdOf(DelayedNode node)
    {
        if (node.Method is not { } method)
        {
            return null;
        }

        if (!method.CanRunById)
        {
            throw new NotSupportedException(
                $"Task '{node.Key}' calls {method.ContainingType}.{method.Name}, which cannot run in another process: only static, non-generic [Delayed] methods of non-generic types visible to their assembly are registered by id (an instance method's 'this' does not travel; pass its state as an argument).");
        }

        return method.Id;
    }

    /// <summary><c>T</c> of the node's <see cref="Delayed{T}"/>.</summary>
    private static Type ResultTypeOf(DelayedNode node)
    {
        for (Type? type = node.GetType(); type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Delayed<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        throw new InvalidOperationException($"Node '{node.Key}' is not a Delayed<T>.");
    }
}

using System;
using System.Collections.Generic;

namespace TaskGraph.Execution;

/// <summary>
/// A graph as another process can run it: tasks by method id, constants by value, edges by position, and
/// the targets. Tasks come inputs first, so a reader can rebuild or schedule them in one pass.
/// </summary>
/// <param name="Tasks">Every task (call or collection) the targets need, each after its inputs.</param>
/// <param name="Targets">The compute's targets in the caller's order: a task or a constant value.</param>
public sealed record ExportedGraph(IReadOnlyList<ExportedTask> Tasks, IReadOnlyList<ExportedArgument> Targets);

/// <summary>One task of an <see cref="ExportedGraph"/>.</summary>
/// <param name="Node">The node in the exporting process (what observers there are told about).</param>
/// <param name="Key">The task's key (<see cref="DelayedNode.Key"/>).</param>
/// <param name="MethodId">The method's <see cref="DelayedMethod.Id"/>; <see langword="null"/> for a collection (its value is its arguments' values gathered into <see cref="ResultType"/>).</param>
/// <param name="ResultType">The type of the task's value (<c>T</c> of its <see cref="Delayed{T}"/>).</param>
/// <param name="Arguments">The arguments in parameter order (a collection's items in order).</param>
public sealed record ExportedTask(DelayedNode Node, string Key, string? MethodId, Type ResultType, IReadOnlyList<ExportedArgument> Arguments);

/// <summary>An argument or target: the result of the task at <see cref="Task"/> in <see cref="ExportedGraph.Tasks"/>, or, when that is -1, the constant <see cref="Value"/> (null for a null handle).</summary>
/// <param name="Task">The index of the task whose result this is, or -1 for a constant.</param>
/// <param name="Value">The constant's value when <see cref="Task"/> is -1.</param>
public readonly record struct ExportedArgument(int Task, object? Value)
{
    /// <summary>Whether this is a constant (no task).</summary>
    public bool IsConstant => Task < 0;
}

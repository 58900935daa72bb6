using System;
using Microsoft.CodeAnalysis;
using TaskGraph.Generator.Extensions;
using TaskGraph.Generator.Model;
using TaskGraph.Shared;

namespace TaskGraph.Generator;

public sealed partial class DelayedGenerator
{
    internal static partial class Parser
    {
        /// <summary>
        /// A checkpointed method's parameters and result are kept in a result store (TG0012 when one cannot be):
        /// the rule is the one the store and the Orleans executor apply at run time (<see cref="StorableTypes"/>).
        /// A <see cref="System.Threading.CancellationToken"/> parameter is the compute's, not an argument.
        /// </summary>
        private static void CheckCheckpoint(IMethodSymbol method, OptionsSpec options, Action<DiagnosticDescriptor, string[]> report)
        {
            if (!options.Checkpoint)
            {
                return;
            }

            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (!parameter.Type.IsNamed("System.Threading", "CancellationToken")
                    && StorableTypes.RefusalReason(parameter.Type, RoslynTypeFacts.Instance) is { } reason)
                {
                    report(DiagnosticDescriptors.CheckpointTypeNotStorable, [$"parameter '{parameter.Name}'", parameter.Type.ToDisplayString(), reason]);
                }
            }

            ITypeSymbol result = method.ReturnType is INamedTypeSymbol { IsGenericType: true } task
                && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" && task.Name is "Task" or "ValueTask"
                ? task.TypeArguments[0]
                : method.ReturnType;
            if (!method.ReturnsVoid && !IsPlainTask(result) && StorableTypes.RefusalReason(result, RoslynTypeFacts.Instance) is { } resultReason)
            {
                report(DiagnosticDescriptors.CheckpointTypeNotStorable, ["its result", result.ToDisplayString(), resultReason]);
            }
        }

        /// <summary>A non-generic Task or ValueTask: the task's value is <c>Unit</c>, which is stored.</summary>
        private static bool IsPlainTask(ITypeSymbol type)
            => type is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } named
               && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
    }
}

namespace TaskGraph.Generator;

public sealed partial class DelayedGenerator
{
    internal static partial class Parser
    {
        /// <summary>
        /// The parameters and the result of <paramref name="method"/> whose values cannot leave the process, by the rule
        /// the result store and the Orleans executor apply at run time (<see cref="StorableTypes"/>): what TG0012 (a
        /// checkpointed method) and TG0013 (a method of an assembly that runs on a cluster) report. A
        /// <see cref="System.Threading.CancellationToken"/> parameter is the compute's, not an argument; a task's
        /// result is the value it completes with.
        /// </summary>
        private static IEnumerable<RefusedType> RefusedTypes(IMethodSymbol method)
        {
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (!parameter.Type.IsCancellationToken() && StorableTypes.RefusalReason(parameter.Type, RoslynTypeFacts.Instance) is { } reason)
                {
                    yield return new RefusedType($"parameter '{parameter.Name}'", parameter.Type.ToDisplayString(), reason);
                }
            }

            ITypeSymbol result = method.ReturnType is INamedTypeSymbol { IsGenericType: true } task
                && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks" && task.Name is "Task" or "ValueTask"
                ? task.TypeArguments[0]
                : method.ReturnType;
            if (!method.ReturnsVoid && !IsPlainTask(result) && StorableTypes.RefusalReason(result, RoslynTypeFacts.Instance) is { } resultReason)
            {
                yield return new RefusedType("its result", result.ToDisplayString(), resultReason);
            }
        }

        /// <summary>A non-generic Task or ValueTask: the task's value is <c>Unit</c>, which is stored.</summary>
        private static bool IsPlainTask(ITypeSymbol type)
            => type is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } named
               && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

        /// <summary>A parameter (<c>parameter 'x'</c>) or the result (<c>its result</c>), its type, and why it cannot leave the process.</summary>
        private readonly record struct RefusedType(string What, string Type, string Reason);
    }
}

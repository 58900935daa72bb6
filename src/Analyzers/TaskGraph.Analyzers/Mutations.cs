namespace TaskGraph.Analyzers;

/// <summary>Finds writes into the object behind a reference: its members or elements assigned, or a mutating collection method called on it.</summary>
internal static class Mutations
{
    private static readonly string[] MutatingMethods =
    {
        "Add", "AddRange", "AddOrUpdate", "Clear", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange",
        "RemoveWhere", "Sort", "Reverse", "Push", "Pop", "Enqueue", "Dequeue", "TryAdd", "TryRemove", "TryDequeue", "TryPop",
        "TryUpdate", "GetOrAdd", "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith", "Fill",
    };

    private static readonly string[] ArrayMutators = { "Sort", "Reverse", "Clear", "Fill" };

    /// <summary>
    /// Whether the operation that contains <paramref name="reference"/> writes into the object it
    /// refers to (<c>p.X = 1</c>, <c>p.Items[0]++</c>, <c>p.List.Add(x)</c>, <c>Array.Sort(p)</c>) in a
    /// way its other holders see. Assigning the reference itself (<c>p = other</c>) is not such a write,
    /// nor is a write into a copy of a struct.
    /// </summary>
    public static bool IsWrittenThrough(IOperation reference)
    {
        IOperation current = reference;
        bool stepped = false;
        bool shared = IsReferenceType(reference.Type);
        while (current.Parent is { } parent && IsMemberOrElementOf(parent, current))
        {
            if (stepped)
            {
                shared |= IsReferenceType(current.Type);
            }

            current = parent;
            stepped = true;
        }

        switch (current.Parent)
        {
            case IAssignmentOperation assignment when assignment.Target == current:
            case IIncrementOrDecrementOperation increment when increment.Target == current:
                return stepped && shared;
            case IInvocationOperation invocation when invocation.Instance == current:
                return IsReferenceType(current.Type) && IsMutatingMethod(invocation.TargetMethod);
            case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                return (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out && stepped && shared)
                       || (IsArrayMutator(invocation.TargetMethod) && invocation.Arguments.Length > 0 && invocation.Arguments[0] == argument);
            default:
                return false;
        }
    }

    private static bool IsMemberOrElementOf(IOperation parent, IOperation instance) => parent switch
    {
        IFieldReferenceOperation field => field.Instance == instance,
        IPropertyReferenceOperation property => property.Instance == instance,
        IArrayElementReferenceOperation element => element.ArrayReference == instance,
        _ => false,
    };

    private static bool IsReferenceType(ITypeSymbol? type) => type is { IsReferenceType: true } && type.SpecialType != SpecialType.System_String;

    private static bool IsMutatingMethod(IMethodSymbol method)
    {
        if (method.IsStatic || method.ContainingNamespace?.ToDisplayString() == "System.Collections.Immutable")
        {
            return false;
        }

        foreach (var name in MutatingMethods)
        {
            if (method.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsArrayMutator(IMethodSymbol method)
    {
        if (method.ContainingType?.SpecialType != SpecialType.System_Array)
        {
            return false;
        }

        foreach (var name in ArrayMutators)
        {
            if (method.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}

namespace TaskGraph.Analyzers.Graph;

/// <summary>The tasks one wrapper call adds to the graph: one per run of the call (<see cref="Multiplicity"/>).</summary>
internal sealed class TaskNode
{
    public TaskNode(IInvocationOperation call, IMethodSymbol method, int multiplicity)
    {
        Call = call;
        Method = method;
        Multiplicity = multiplicity;
    }

    /// <summary>The wrapper call.</summary>
    public IInvocationOperation Call { get; }

    /// <summary>The <c>[Delayed]</c> method the tasks run.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>How many times the call runs before the compute: the product of the constant trip counts of the loops around it.</summary>
    public int Multiplicity { get; }

    /// <summary>The calls whose tasks feed these.</summary>
    public HashSet<TaskNode> Dependencies { get; } = new();
}

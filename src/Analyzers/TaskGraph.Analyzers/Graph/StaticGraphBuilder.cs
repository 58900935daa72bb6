using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TaskGraph.Analyzers.Graph;

/// <summary>
/// Builds the <see cref="StaticGraph"/> of one compute call: walks back from the handles it computes
/// through wrapper calls, locals assigned once, <c>Delayed.All</c>, arrays and lists of handles, and
/// loops with constant bounds. Anything else marks the graph incomplete instead of guessing.
/// </summary>
internal sealed class StaticGraphBuilder
{
    private readonly TaskGraphSymbols symbols;
    private readonly HashSet<IOperation> anchorAncestors = new();
    private readonly Dictionary<IInvocationOperation, TaskNode> calls = new();
    private readonly Dictionary<ILocalSymbol, ImmutableArray<TaskNode>> resolvedLocals = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> references = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, IVariableDeclaratorOperation> declarators = new(SymbolEqualityComparer.Default);
    private bool isComplete = true;

    private StaticGraphBuilder(TaskGraphSymbols symbols, IOperation anchor)
    {
        this.symbols = symbols;
        IOperation root = anchor;
        for (var current = anchor; current is not null; current = current.Parent)
        {
            anchorAncestors.Add(current);
            root = current;
        }

        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case ILocalReferenceOperation reference:
                    if (!references.TryGetValue(reference.Local, out var list))
                    {
                        references[reference.Local] = list = new List<ILocalReferenceOperation>();
                    }

                    list.Add(reference);
                    break;
                case IVariableDeclaratorOperation declarator:
                    declarators[declarator.Symbol] = declarator;
                    break;
            }
        }
    }

    /// <summary>The graph that <paramref name="compute"/> (a <c>Compute</c>/<c>ComputeAsync</c> call) runs.</summary>
    public static StaticGraph Build(TaskGraphSymbols symbols, IInvocationOperation compute)
    {
        var builder = new StaticGraphBuilder(symbols, compute);
        if (compute.Instance is not null)
        {
            builder.Resolve(compute.Instance);
        }

        builder.ResolveArguments(compute);
        return new StaticGraph(builder.calls.Values.ToImmutableArray(), builder.isComplete);
    }

    private ImmutableArray<TaskNode> ResolveArguments(IInvocationOperation invocation)
    {
        var frontier = ImmutableArray.CreateBuilder<TaskNode>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
            {
                continue;
            }

            if (symbols.IsHandle(argument.Parameter.Type))
            {
                frontier.AddRange(Resolve(argument.Value));
            }
            else if (symbols.IsHandleSequence(argument.Parameter.Type))
            {
                frontier.AddRange(ResolveSequence(argument.Value));
            }
        }

        return frontier.ToImmutable();
    }

    // The calls whose results a handle-valued expression carries.
    private ImmutableArray<TaskNode> Resolve(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            if (conversion.OperatorMethod is not null)
            {
                // Delayed<T>'s implicit conversion from a plain T: a constant leaf.
                return ImmutableArray<TaskNode>.Empty;
            }

            value = conversion.Operand;
        }

        switch (value)
        {
            case IInvocationOperation invocation when symbols.GetWrappedMethod(invocation.TargetMethod) is { } method:
                return ImmutableArray.Create(CallNode(invocation, method));
            case IInvocationOperation invocation when symbols.IsValue(invocation.TargetMethod):
                return ImmutableArray<TaskNode>.Empty;
            case IInvocationOperation invocation when symbols.IsAll(invocation.TargetMethod):
                return ResolveArguments(invocation);
            case ILiteralOperation or IDefaultValueOperation:
                return ImmutableArray<TaskNode>.Empty;
            case ILocalReferenceOperation reference:
                return ResolveLocal(reference.Local, isSequence: false);
            default:
                return Hidden();
        }
    }

    // The calls whose results the elements of a sequence of handles carry.
    private ImmutableArray<TaskNode> ResolveSequence(IOperation value)
    {
        while (value is IConversionOperation { OperatorMethod: null } conversion)
        {
            value = conversion.Operand;
        }

        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return ResolveAll(initializer.ElementValues);
            case { Syntax: CollectionExpressionSyntax } collection:
                return ResolveAll(CollectionElements.Of(collection));
            case IObjectCreationOperation { Initializer: var initializer } creation when IsEmptyCollection(creation):
                return initializer is null ? ImmutableArray<TaskNode>.Empty : ResolveCollectionInitializer(initializer);
            case ILocalReferenceOperation reference:
                return ResolveLocal(reference.Local, isSequence: true);
            default:
                return Hidden();
        }
    }

    private ImmutableArray<TaskNode> ResolveAll(ImmutableArray<IOperation> values)
    {
        var frontier = ImmutableArray.CreateBuilder<TaskNode>();
        foreach (var element in values)
        {
            // A collection expression's `..handles` spreads a sequence of handles.
            frontier.AddRange(CollectionElements.SpreadOperand(element) is { } spread ? ResolveSequence(spread) : Resolve(element));
        }

        return frontier.ToImmutable();
    }

    private ImmutableArray<TaskNode> ResolveCollectionInitializer(IObjectOrCollectionInitializerOperation initializer)
    {
        var frontier = ImmutableArray.CreateBuilder<TaskNode>();
        foreach (var element in initializer.Initializers)
        {
            if (element is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add)
            {
                frontier.AddRange(Resolve(add.Arguments[0].Value));
            }
            else
            {
                frontier.AddRange(Hidden());
            }
        }

        return frontier.ToImmutable();
    }

    private static bool IsEmptyCollection(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            // new List<Delayed<T>>(capacity) is still empty; a copy of another sequence is not.
            if (argument.Value.Type?.SpecialType != SpecialType.System_Int32)
            {
                return false;
            }
        }

        return true;
    }

    private TaskNode CallNode(IInvocationOperation invocation, IMethodSymbol method)
    {
        if (calls.TryGetValue(invocation, out var node))
        {
            return node;
        }

        node = new TaskNode(invocation, method, Multiplicity(invocation) ?? HiddenCount());
        calls[invocation] = node;
        foreach (var dependency in ResolveArguments(invocation))
        {
            node.Dependencies.Add(dependency);
        }

        return node;
    }

    // A local is visible when it is assigned once, at its declaration, and every other use of it is
    // one the graph accounts for: an argument of a wrapper, a compute or Delayed.All, an element of
    // an array or list of handles, or (for a list) an Add.
    private ImmutableArray<TaskNode> ResolveLocal(ILocalSymbol local, bool isSequence)
    {
        if (resolvedLocals.TryGetValue(local, out var known))
        {
            return known;
        }

        // Guards against re-entry while the local's own definition is resolved.
        resolvedLocals[local] = ImmutableArray<TaskNode>.Empty;
        var result = ResolveLocalDefinition(local, isSequence);
        resolvedLocals[local] = result;
        return result;
    }

    private ImmutableArray<TaskNode> ResolveLocalDefinition(ILocalSymbol local, bool isSequence)
    {
        if (local.IsRef
            || !declarators.TryGetValue(local, out var declarator)
            || declarator.Initializer is null
            || !references.TryGetValue(local, out var uses))
        {
            return Hidden();
        }

        var frontier = ImmutableArray.CreateBuilder<TaskNode>();
        frontier.AddRange(isSequence ? ResolveSequence(declarator.Initializer.Value) : Resolve(declarator.Initializer.Value));
        foreach (var use in uses)
        {
            if (isSequence && IsAddTo(use, out var added))
            {
                frontier.AddRange(Multiplicity(added.Parent!) is null ? Hidden() : Resolve(added.Value));
            }
            else if (!IsGraphUse(use))
            {
                return Hidden();
            }
        }

        return frontier.ToImmutable();
    }

    private static bool IsAddTo(ILocalReferenceOperation use, out IArgumentOperation added)
    {
        added = null!;
        if (use.Parent is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add && add.Instance == use)
        {
            added = add.Arguments[0];
            return true;
        }

        return false;
    }

    private bool IsGraphUse(ILocalReferenceOperation use)
    {
        IOperation current = use;
        while (current.Parent is IConversionOperation { OperatorMethod: null } conversion)
        {
            current = conversion;
        }

        switch (current.Parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                var method = invocation.TargetMethod;
                return symbols.IsWrapper(method) || symbols.IsCompute(method) || symbols.IsAll(method) || IsListAdd(invocation);
            case IInvocationOperation invocation when invocation.Instance == current:
                return symbols.IsCompute(invocation.TargetMethod);
            case IArrayInitializerOperation or { Syntax: CollectionExpressionSyntax or SpreadElementSyntax }:
                return true;
            default:
                return false;
        }
    }

    // A list local's Add, or an Add of a collection initializer (whose receiver is implicit).
    private static bool IsListAdd(IInvocationOperation invocation)
        => invocation.TargetMethod.Name == "Add"
           && invocation.Instance is ILocalReferenceOperation or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver };

    // How many times the operation runs for one run of the compute: the product of the constant trip
    // counts of the loops between it and the compute's enclosing statements; null when a loop's trip
    // count is unknown or the operation sits in a lambda, a local function or a branch.
    private int? Multiplicity(IOperation operation)
    {
        long multiplicity = 1;
        IOperation child = operation;
        for (var current = operation.Parent; current is not null && !anchorAncestors.Contains(current); current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop when loop.Body == child:
                    if (LoopTripCount.Of(loop) is not { } count)
                    {
                        return null;
                    }

                    multiplicity *= count;
                    break;
                case ILoopOperation:
                    break;
                case IConditionalOperation conditional when conditional.Condition == child:
                    break;
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IConditionalOperation or ISwitchOperation
                    or ISwitchExpressionOperation or ICoalesceOperation or IConditionalAccessOperation or ICatchClauseOperation:
                    return null;
            }

            if (multiplicity > int.MaxValue)
            {
                return null;
            }

            child = current;
        }

        return (int)multiplicity;
    }

    private ImmutableArray<TaskNode> Hidden()
    {
        isComplete = false;
        return ImmutableArray<TaskNode>.Empty;
    }

    private int HiddenCount()
    {
        isComplete = false;
        return 1;
    }
}

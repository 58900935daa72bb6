namespace TaskGraph.Analyzers.Graph;

/// <summary>How many times a loop's body runs, where the code states it with constants.</summary>
internal static class LoopTripCount
{
    /// <summary>
    /// The trip count of <paramref name="loop"/> when it is a counted <c>for</c> loop with constant
    /// bounds, or a <c>foreach</c> over an array of constant length or <c>Enumerable.Range</c> with a
    /// constant count, and its body cannot leave early; <see langword="null"/> otherwise.
    /// </summary>
    public static int? Of(ILoopOperation loop)
    {
        int? count = loop switch
        {
            IForLoopOperation forLoop => OfCountedFor(forLoop),
            IForEachLoopOperation forEach => OfConstantSequence(forEach.Collection),
            _ => null,
        };
        return count is not null && !CanLeaveEarly(loop.Body) ? count : null;
    }

    private static int? OfCountedFor(IForLoopOperation loop)
    {
        if (loop.Before.Length != 1
            || loop.Before[0] is not IVariableDeclarationGroupOperation { Declarations.Length: 1 } group
            || group.Declarations[0].Declarators.Length != 1)
        {
            return null;
        }

        var declarator = group.Declarations[0].Declarators[0];
        var counter = declarator.Symbol;
        if (declarator.Initializer?.Value.ConstantValue is not { HasValue: true, Value: int start }
            || loop.Condition is not IBinaryOperation condition
            || condition.LeftOperand is not ILocalReferenceOperation left
            || !SymbolEqualityComparer.Default.Equals(left.Local, counter)
            || condition.RightOperand.ConstantValue is not { HasValue: true, Value: int end }
            || loop.AtLoopBottom.Length != 1
            || !IsIncrementByOne(loop.AtLoopBottom[0], counter)
            || IsWritten(loop.Body, counter))
        {
            return null;
        }

        long? count = condition.OperatorKind switch
        {
            BinaryOperatorKind.LessThan => (long)end - start,
            BinaryOperatorKind.LessThanOrEqual => (long)end - start + 1,
            _ => null,
        };
        return count switch
        {
            null or > int.MaxValue => null,
            <= 0 => 0,
            _ => (int)count.Value,
        };
    }

    private static bool IsIncrementByOne(IOperation step, ILocalSymbol counter)
    {
        if (step is IExpressionStatementOperation statement)
        {
            step = statement.Operation;
        }

        return step switch
        {
            IIncrementOrDecrementOperation { Kind: OperationKind.Increment, Target: ILocalReferenceOperation target }
                => SymbolEqualityComparer.Default.Equals(target.Local, counter),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Target: ILocalReferenceOperation target, Value.ConstantValue: { HasValue: true, Value: 1 } }
                => SymbolEqualityComparer.Default.Equals(target.Local, counter),
            _ => false,
        };
    }

    /// <summary>
    /// How many items <paramref name="collection"/> yields when the code states it with constants: an
    /// array of constant length (or with an initializer) or <c>Enumerable.Range</c> with a constant
    /// count; <see langword="null"/> otherwise.
    /// </summary>
    public static int? OfConstantSequence(IOperation collection)
    {
        while (collection is IConversionOperation conversion)
        {
            collection = conversion.Operand;
        }

        switch (collection)
        {
            case IArrayCreationOperation { DimensionSizes.Length: 1 } array
                when array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int length }:
                return length;
            case IInvocationOperation { TargetMethod.Name: "Range", Arguments.Length: 2 } range
                when range.TargetMethod.ContainingType?.ToDisplayString() == "System.Linq.Enumerable"
                     && range.Arguments[1].Value.ConstantValue is { HasValue: true, Value: int count }:
                return count;
            default:
                return null;
        }
    }

    private static bool CanLeaveEarly(IOperation body)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is IBranchOperation or IReturnOperation or IThrowOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWritten(IOperation body, ILocalSymbol local)
    {
        foreach (var operation in body.Descendants())
        {
            var target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => null,
            };
            if (target is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }
}

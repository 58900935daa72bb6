using Microsoft.CodeAnalysis.Operations;

namespace TaskGraph.CodeFixes;

/// <summary>
/// Whether evaluating an expression has no effect a program could see: literals, reads of locals,
/// parameters and fields, lambdas, conversions without a user-defined operator (or to a handle), and
/// calls that only build graph nodes (wrappers and <c>Delayed.Value</c>) on such arguments. Anything else (a property
/// getter, a method call, an increment, an assignment) may have one.
/// </summary>
internal static class SideEffectFree
{
    public static bool Is(IOperation operation, TaskGraphSymbols symbols) => operation switch
    {
        ILiteralOperation or IDefaultValueOperation or ITypeOfOperation or INameOfOperation or IInstanceReferenceOperation
            or ILocalReferenceOperation or IParameterReferenceOperation or IAnonymousFunctionOperation => true,
        IFieldReferenceOperation field => field.Instance is null || Is(field.Instance, symbols),
        // Delayed<T>'s implicit conversion from T only builds a constant node.
        IConversionOperation conversion when conversion.OperatorMethod is null || symbols.IsHandle(conversion.OperatorMethod.ContainingType)
            => Is(conversion.Operand, symbols),
        IDelegateCreationOperation delegateCreation => Is(delegateCreation.Target, symbols),
        IDiscardOperation => true,
        ISimpleAssignmentOperation { Target: IDiscardOperation } discard => Is(discard.Value, symbols),
        IInvocationOperation call => BuildsNodeOnly(call, symbols),
        _ => operation.ConstantValue.HasValue,
    };

    private static bool BuildsNodeOnly(IInvocationOperation call, TaskGraphSymbols symbols)
    {
        if (!symbols.IsWrapper(call.TargetMethod) && !symbols.IsValue(call.TargetMethod))
        {
            return false;
        }

        if (call.Instance is not null && !Is(call.Instance, symbols))
        {
            return false;
        }

        foreach (var argument in call.Arguments)
        {
            if (!Is(argument.Value, symbols))
            {
                return false;
            }
        }

        return true;
    }
}

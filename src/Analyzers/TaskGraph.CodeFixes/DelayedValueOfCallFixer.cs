using System.Linq;
using Microsoft.CodeAnalysis.Operations;

namespace TaskGraph.CodeFixes;

/// <summary>TG1004: <c>Delayed.Value(M(x))</c> (or <c>M(x)</c> where a handle is expected) becomes <c>MDelayed(x)</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DelayedValueOfCallFixer)), Shared]
public sealed class DelayedValueOfCallFixer() : TaskGraphCodeFixProvider(DiagnosticIds.DelayedValueOfCall, "Call the wrapper instead")
{
    private protected override bool TryPlan(FixableDocument document, Diagnostic diagnostic, SyntaxNode node, DocumentEdits edits, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax outer
            || edits.Edits(outer)
            || document.Model.GetOperation(outer, cancellationToken) is not IInvocationOperation operation)
        {
            return false;
        }

        // Delayed.Value(M(x)): the inner call; otherwise the diagnostic is on M(x) itself.
        var call = operation;
        if (document.Symbols.IsValue(operation.TargetMethod) && operation.Arguments.Length == 1 && Unwrap(operation.Arguments[0].Value) is IInvocationOperation inner)
        {
            call = inner;
        }

        if (call.Syntax is not InvocationExpressionSyntax callSyntax
            || !document.Symbols.IsDelayedMethod(call.TargetMethod)
            || document.Symbols.FindWrapperOf(call.TargetMethod) is not { } wrapper
            || ConstructedWrapper(wrapper, call.TargetMethod) is not { } constructed
            || !SymbolEqualityComparer.Default.Equals(constructed.ReturnType, HandleTypeOf(operation, outer, document, cancellationToken))
            || PassesNullForDefault(call)
            || WrapperArguments(callSyntax, document, cancellationToken) is not { } arguments)
        {
            return false;
        }

        // A generic method's type arguments are written out: a plain value does not let the compiler infer them for Delayed<T> parameters (CS0411).
        TypeArgumentListSyntax? typeArguments = null;
        if (call.TargetMethod.IsGenericMethod && callSyntax.Expression is not GenericNameSyntax and not MemberAccessExpressionSyntax { Name: GenericNameSyntax })
        {
            typeArguments = TypeArgumentsOf(call.TargetMethod, document.Model, outer.SpanStart);
            if (typeArguments is null)
            {
                return false;
            }
        }

        edits.Replace(outer, rewritten => WrapperCall(callSyntax, wrapper.Name, typeArguments, arguments).WithTriviaFrom(rewritten));
        return true;
    }

    // The wrapper with the method's type arguments, or null when their counts differ.
    private static IMethodSymbol? ConstructedWrapper(IMethodSymbol wrapper, IMethodSymbol method)
        => !method.IsGenericMethod ? wrapper
            : wrapper.TypeParameters.Length == method.TypeArguments.Length ? wrapper.Construct(method.TypeArguments.ToArray())
            : null;

    // The handle type the fixed expression must keep: Delayed.Value's result, or the handle M(x) converts to.
    private static ITypeSymbol? HandleTypeOf(IInvocationOperation operation, InvocationExpressionSyntax outer, FixableDocument document, CancellationToken cancellationToken)
        => document.Symbols.IsValue(operation.TargetMethod)
            ? operation.Type
            : document.Model.GetTypeInfo(outer, cancellationToken).ConvertedType;

    // A literal null or default for an optional parameter: the wrapper's handle parameter would read it as "use the default".
    private static bool PassesNullForDefault(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit
                && argument.Parameter is { IsOptional: true }
                && Unwrap(argument.Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation)
            {
                return true;
            }
        }

        return false;
    }

    // The wrapper has no CancellationToken parameter (the compute passes its own token): a token
    // passed last is dropped; one passed elsewhere leaves the fix to the user.
    private static SeparatedSyntaxList<ArgumentSyntax>? WrapperArguments(InvocationExpressionSyntax callSyntax, FixableDocument document, CancellationToken cancellationToken)
    {
        var arguments = callSyntax.ArgumentList.Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (IsCancellationToken(document.Model.GetTypeInfo(arguments[i].Expression, cancellationToken).ConvertedType))
            {
                if (i != arguments.Count - 1)
                {
                    return null;
                }

                arguments = arguments.RemoveAt(i);
            }
        }

        return arguments;
    }

    private static TypeArgumentListSyntax? TypeArgumentsOf(IMethodSymbol method, SemanticModel model, int position)
    {
        var names = new List<TypeSyntax>();
        foreach (var type in method.TypeArguments)
        {
            if (type.IsAnonymousType || type is IErrorTypeSymbol || !type.CanBeReferencedByName && type is not IArrayTypeSymbol)
            {
                return null;
            }

            names.Add(SyntaxFactory.ParseTypeName(type.ToMinimalDisplayString(model, position)));
        }

        return SyntaxFactory.TypeArgumentList(SyntaxFactory.SeparatedList(names));
    }

    private static ExpressionSyntax WrapperCall(InvocationExpressionSyntax callSyntax, string wrapperName, TypeArgumentListSyntax? typeArguments, SeparatedSyntaxList<ArgumentSyntax> arguments)
    {
        var callee = CallSyntax.Rename(callSyntax.Expression, wrapperName);
        if (typeArguments is not null)
        {
            callee = CallSyntax.WithTypeArguments(callee, typeArguments);
        }

        return callSyntax.WithExpression(callee).WithArgumentList(callSyntax.ArgumentList.WithArguments(arguments));
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { OperatorMethod: null } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsCancellationToken(ITypeSymbol? type) => type?.ToDisplayString() == "System.Threading.CancellationToken";
}

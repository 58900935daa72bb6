using System.Collections.Generic;
using System.Linq;
using TaskGraph.Generator.Model;

namespace TaskGraph.Generator;

/// <summary>
/// Which overloads a wrapper gets, and the signature of each as overload resolution sees it, so that
/// clashes with existing members and between generated overloads are found before any code is written.
/// </summary>
/// <remarks>
/// Every wrapper parameter is a handle (<c>Delayed&lt;P&gt;</c>) in the core overload. A parameter may have
/// alternatives: a <c>params</c> array takes handles one by one; a required collection parameter takes a
/// sequence of handles; a required interface-typed parameter takes a plain value (C# forbids the handle's
/// implicit conversion from an expression of interface type). With up to <see cref="MaxCombinedParameters"/> parameters that have
/// alternatives, every combination is written; beyond that, the core overload plus, per alternative, the
/// overload where every parameter that has it uses it (so the number of overloads stays small).
/// </remarks>
internal static class WrapperSignatures
{
    /// <summary>Stands for a member that is not a method: it blocks the wrapper's name whatever the parameters.</summary>
    public const string AnySignature = "*";

    /// <summary>Up to this many parameters with alternatives, every combination of forms gets an overload.</summary>
    public const int MaxCombinedParameters = 3;

    private const string DelayedType = "global::TaskGraph.Delayed";
    private const string EnumerableType = "global::System.Collections.Generic.IEnumerable";

    public static string Key(string name, int arity, IEnumerable<string> parameterTypes)
        => name + "`" + arity + "(" + string.Join(",", parameterTypes) + ")";

    public static string Key(MethodSpec method, WrapperOverload overload)
    {
        int arity = method.TypeParameters.Count;
        var types = WrapperParameters(method).Zip(overload.Forms, (parameter, form) =>
            form == ParameterForm.Value ? "!!" + arity++ : SignatureType(parameter, form)).ToList();
        return Key(method.WrapperName, arity, types);
    }

    /// <summary>The parameters the wrapper takes: the method's, cancellation tokens left out.</summary>
    public static IEnumerable<ParameterSpec> WrapperParameters(MethodSpec method)
        => method.Parameters.Where(p => !p.IsCancellationToken);

    public static WrapperOverload Core(MethodSpec method)
        => new(WrapperParameters(method).Select(_ => ParameterForm.Handle).ToEquatableArray());

    public static bool ClashesWithExisting(MethodSpec method)
        => method.ExistingSignatures.Contains(AnySignature) || method.ExistingSignatures.Contains(Key(method, Core(method)));

    /// <summary>The overloads of the method's wrapper, the core overload first.</summary>
    public static IEnumerable<WrapperOverload> Overloads(MethodSpec method)
    {
        var choices = WrapperParameters(method).Select(p => new[] { ParameterForm.Handle }.Concat(Alternatives(p)).ToArray()).ToArray();
        if (choices.Count(c => c.Length > 1) <= MaxCombinedParameters)
        {
            IEnumerable<IEnumerable<ParameterForm>> combinations = [[]];
            foreach (var choice in choices)
            {
                combinations = combinations.SelectMany(prefix => choice.Select(form => prefix.Append(form)));
            }

            return combinations.Select(forms => new WrapperOverload(forms.ToEquatableArray()));
        }

        var uniform = new[] { ParameterForm.Sequence, ParameterForm.Params, ParameterForm.Value, ParameterForm.NullableValue }
            .Where(kind => choices.Any(c => c.Contains(kind)))
            .Select(kind => new WrapperOverload(choices.Select(c => c.Contains(kind) ? kind : ParameterForm.Handle).ToEquatableArray()));
        return new[] { Core(method) }.Concat(uniform);
    }

    private static IEnumerable<ParameterForm> Alternatives(ParameterSpec parameter)
    {
        if (parameter.IsParams)
        {
            yield return ParameterForm.Params;
            yield break;
        }

        if (parameter.DefaultValue is not null)
        {
            // An optional parameter stays an optional handle, except where a null argument must mean null; the
            // overload taking that value requires the parameters before it (an optional one could not precede it).
            if (parameter.NullDiffersFromDefault && parameter.CallerInfo is null)
            {
                yield return ParameterForm.NullableValue;
            }

            yield break;
        }

        if (parameter.Collection != CollectionKind.None)
        {
            yield return ParameterForm.Sequence;
        }

        if (parameter.IsInterface)
        {
            yield return ParameterForm.Value;
        }
    }

    public static string HandleSignatureType(ParameterSpec parameter) => SignatureType(parameter, ParameterForm.Handle);

    private static string SignatureType(ParameterSpec parameter, ParameterForm form) => form switch
    {
        _ when parameter.CallerInfo is not null || form == ParameterForm.NullableValue => parameter.SignatureType,
        ParameterForm.Sequence => $"{EnumerableType}<{DelayedType}<{parameter.ElementSignatureType}>>",
        ParameterForm.Params => $"{DelayedType}<{parameter.ElementSignatureType}>[]",
        _ => $"{DelayedType}<{parameter.SignatureType}>",
    };
}

using System;
using Microsoft.CodeAnalysis;

namespace TaskGraph.Shared;

/// <summary>
/// The name of a <c>[Delayed]</c> method's wrapper: compiled into the generator (which names the wrapper) and into
/// the analyzers (whose messages and fixes name it), so that both say the same name.
/// </summary>
internal static class WrapperNames
{
    /// <summary><c>DelayedAttribute.Name</c>: the wrapper's name, which only the generator and analyzers read.</summary>
    public const string NameOption = "Name";

    private const string AsyncSuffix = "Async";

    /// <summary>The name <c>[Delayed(Name = ...)]</c> gives, else the default for <paramref name="methodName"/>.</summary>
    public static string Of(string methodName, string? nameOption) => nameOption ?? Default(methodName);

    /// <summary>The wrapper's name for a method with this <c>[Delayed]</c> attribute.</summary>
    public static string Of(string methodName, AttributeData delayedAttribute) => Of(methodName, NameOf(delayedAttribute));

    /// <summary><c>M</c> -> <c>MDelayed</c>; a trailing <c>Async</c> is dropped (<c>LoadAsync</c> -> <c>LoadDelayed</c>).</summary>
    public static string Default(string methodName)
    {
        string stem = methodName.Length > AsyncSuffix.Length && methodName.EndsWith(AsyncSuffix, StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - AsyncSuffix.Length)
            : methodName;
        return stem + "Delayed";
    }

    /// <summary>The <c>Name</c> the attribute sets; <see langword="null"/> when it sets none.</summary>
    public static string? NameOf(AttributeData delayedAttribute)
    {
        foreach (var argument in delayedAttribute.NamedArguments)
        {
            if (argument.Key == NameOption)
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }
}

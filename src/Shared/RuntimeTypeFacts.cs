using System;
using System.Collections.Generic;

namespace TaskGraph.Shared;

/// <summary><see cref="StorableTypes"/> over reflection's <see cref="Type"/>: for the result store and the Orleans travel rules.</summary>
internal sealed class RuntimeTypeFacts : StorableTypes.ITypeFacts<Type>
{
    public static RuntimeTypeFacts Instance { get; } = new();

    /// <summary>Why values of <paramref name="type"/> cannot be stored or sent; <see langword="null"/> when nothing refuses it.</summary>
    public static string? RefusalReason(Type type) => StorableTypes.RefusalReason(type, Instance);

    public bool IsPointer(Type type) => type.IsPointer || type.IsFunctionPointer;

    public bool IsRefStruct(Type type) => type.IsByRefLike;

    public IEnumerable<string> SelfBasesAndInterfaces(Type type)
    {
        for (Type? current = type; current is not null; current = current.BaseType)
        {
            yield return NameOf(current);
        }

        foreach (Type implemented in type.GetInterfaces())
        {
            yield return NameOf(implemented);
        }
    }

    public IEnumerable<Type> Parts(Type type)
        => type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];

    public string Display(Type type) => type.ToString();

    private static string NameOf(Type type)
    {
        string name = type.IsGenericType ? type.GetGenericTypeDefinition().FullName ?? type.Name : type.FullName ?? type.Name;
        int arity = name.IndexOf('`');
        return arity < 0 ? name : name.Substring(0, arity);
    }
}

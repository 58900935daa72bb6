using System;
using TaskGraph.Shared;

namespace TaskGraph.Orleans;

/// <summary>
/// What travels between the client and the silos, and how: types with an Orleans codec (primitives, strings,
/// arrays and the common collections, <c>[GenerateSerializer]</c> types) through it; other plain classes,
/// structs and records through the System.Text.Json fallback. Never: delegates, pointers, <c>ref struct</c>s,
/// reflection objects, tasks, streams and other handles to things of one process.
/// </summary>
internal static class TravelRules
{
    /// <summary>
    /// A plain data type of user code: a concrete class, struct or record that holds no process-bound handle
    /// (the rule the result store shares: <see cref="StorableTypes"/>).
    /// </summary>
    public static bool CarriedByJson(Type type)
        => !type.IsAbstract && !type.IsInterface && !type.IsGenericTypeDefinition
            && RuntimeTypeFacts.RefusalReason(type) is null
            && type.Assembly != typeof(object).Assembly;
}

using System;
using System.Reflection;
using Orleans.Serialization;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// What travels between the client and the silos, and how: types with an Orleans codec (primitives, strings,
/// arrays and the common collections, <c>[GenerateSerializer]</c> types) through it; other plain classes,
/// structs and records through the System.Text.Json fallback. Never: delegates, pointers, <c>ref struct</c>s,
/// reflection objects, tasks, streams and other handles to things of one process.
/// </summary>
internal static class TravelRules
{
    /// <summary>Adds the JSON fallback for plain types (Orleans' own codecs are tried first).</summary>
    public static ISerializerBuilder AddTaskGraphTravel(this ISerializerBuilder serializer)
        => serializer.AddJsonSerializer(isSupported: CarriedByJson);

    /// <summary>A plain data type of user code: a concrete class, struct or record that holds no process-bound handle.</summary>
    public static bool CarriedByJson(Type type)
        => !type.IsAbstract && !type.IsInterface && !type.IsPointer && !type.IsByRefLike && !type.IsGenericTypeDefinition
            && !typeof(Delegate).IsAssignableFrom(type)
            && !typeof(MemberInfo).IsAssignableFrom(type)
            && !typeof(System.Threading.Tasks.Task).IsAssignableFrom(type)
            && !typeof(System.IO.Stream).IsAssignableFrom(type)
            && !typeof(IDisposable).IsAssignableFrom(type)
            && type.Assembly != typeof(object).Assembly;
}

using System;
using Orleans.Serialization;

using Orleans;

namespace TaskGraph.Orleans;

/// <summary>
/// An exception a task threw on a silo whose type cannot travel (it has no Orleans codec: give it
/// <c>[GenerateSerializer]</c> to receive it as itself). It keeps the original type's name, message and stack trace.
/// </summary>
[GenerateSerializer]
public sealed class RemoteTaskException : Exception
{
    /// <summary>Stands in for <paramref name="original"/>, with <paramref name="innerException"/> (already able to travel) as its cause.</summary>
    /// <param name="original">The exception that cannot travel.</param>
    /// <param name="innerException">The travelling form of its cause, if any.</param>
    public RemoteTaskException(Exception original, Exception? innerException)
        : base($"{original?.GetType().FullName}: {original?.Message}", innerException)
    {
        ArgumentNullException.ThrowIfNull(original);
        ExceptionType = original.GetType().FullName ?? original.GetType().Name;
        RemoteStackTrace = original.StackTrace;
    }

    /// <summary>The full name of the original exception's type.</summary>
    [Id(0)]
    public string ExceptionType { get; private set; }

    /// <summary>Where the original was thrown, on the silo.</summary>
    [Id(1)]
    public string? RemoteStackTrace { get; private set; }

    /// <summary><paramref name="error"/> itself when it and its causes can travel; otherwise its stand-in, with the causes' travelling forms.</summary>
    internal static Exception TravelSafe(Exception error, Serializer serializer)
        => Travels(error, serializer) ? error
            : new RemoteTaskException(error, error.InnerException is { } inner ? TravelSafe(inner, serializer) : null);

    private static bool Travels(Exception error, Serializer serializer)
        => serializer.CanSerialize(error.GetType()) && (error.InnerException is null || Travels(error.InnerException, serializer));
}

using System;
using System.Collections;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TaskGraph.Shared;

namespace TaskGraph.Resume;

/// <summary>
/// A result store that keeps values as System.Text.Json UTF-8 with a SHA-256 checksum, leaving only the bytes'
/// keeping to a subclass: <see cref="SqliteResultStore"/>, or one of your own. What it refuses is what also
/// cannot travel to another silo (the shared rule: delegates, pointers, ref structs, reflection objects, tasks,
/// streams, disposables), and what JSON cannot read back (abstract types other than collections, <see cref="object"/>).
/// </summary>
public abstract class JsonResultStore : IResultStore
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Default;

    /// <inheritdoc/>
    public string? CannotStore(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (RuntimeTypeFacts.RefusalReason(type) is { } reason)
        {
            return reason;
        }

        if (type == typeof(object) || ((type.IsAbstract || type.IsInterface) && !typeof(IEnumerable).IsAssignableFrom(type)))
        {
            return "is abstract, so a stored value could not be read back as it (use a concrete type)";
        }

        try
        {
            return Json.GetTypeInfo(type).Kind == JsonTypeInfoKind.None && type.IsGenericTypeDefinition ? "is an open generic type" : null;
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException)
        {
            return "has no System.Text.Json serializer (" + exception.Message + ")";
        }
    }

    /// <inheritdoc/>
    public string Fingerprint(object? value, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, type, Json);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(type.FullName ?? type.Name));
        hash.AppendData(json);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <inheritdoc/>
    public bool TryRead(string key, Type type, out object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(type);
        value = null;
        if (!TryReadBytes(key, out byte[] json, out byte[] checksum) || !SHA256.HashData(json).AsSpan().SequenceEqual(checksum))
        {
            // Absent, or not what was written: the task runs again and its write replaces the entry.
            return false;
        }

        value = JsonSerializer.Deserialize(json, type, Json);
        return true;
    }

    /// <inheritdoc/>
    public void Write(string key, string task, Type type, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(type);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, type, Json);
        WriteBytes(key, task, json, SHA256.HashData(json));
    }

    /// <summary>The bytes and checksum kept under <paramref name="key"/>; <see langword="false"/> when there are none.</summary>
    protected abstract bool TryReadBytes(string key, out byte[] value, out byte[] checksum);

    /// <summary>Keeps <paramref name="value"/> and its checksum under <paramref name="key"/> durably and atomically (both or neither) before returning.</summary>
    protected abstract void WriteBytes(string key, string task, byte[] value, byte[] checksum);
}

using System;

namespace TaskGraph;

/// <summary>
/// Where a resumable compute keeps the results of <see cref="DelayedAttribute.Checkpoint"/> methods
/// (<see cref="ComputeOptions.ResultStore"/>). The runtime computes each task's key before anything runs
/// (method id, code version, argument fingerprints, upstream keys); the store turns values into what it keeps
/// and back. Implementations are thread-safe: tasks write as they finish, from any thread. The SQLite store
/// (TaskGraph.Resume's <c>SqliteResultStore</c>) is the default one.
/// </summary>
public interface IResultStore
{
    /// <summary>Why values of <paramref name="type"/> cannot be stored or fingerprinted; <see langword="null"/> when they can.</summary>
    string? CannotStore(Type type);

    /// <summary>
    /// A fingerprint of a constant argument of declared type <paramref name="type"/>: equal values give equal
    /// fingerprints in every process (a hash of their stored form). Only called for types <see cref="CannotStore"/> accepts.
    /// </summary>
    string Fingerprint(object? value, Type type);

    /// <summary>The stored result under <paramref name="key"/>, read as <paramref name="type"/>; <see langword="false"/> when there is none (a half-written entry never counts).</summary>
    bool TryRead(string key, Type type, out object? value);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> before returning, so that a later compute finds it even if this process dies right after.</summary>
    /// <param name="key">The task's key.</param>
    /// <param name="task">The task's label (the method's containing type and name), for people reading the store.</param>
    /// <param name="type">The result's declared type.</param>
    /// <param name="value">The result.</param>
    void Write(string key, string task, Type type, object? value);
}

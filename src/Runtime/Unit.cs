using System;

namespace TaskGraph;

/// <summary>The result of a task whose method returns nothing (<c>void</c>, <see cref="System.Threading.Tasks.Task"/> or <see cref="System.Threading.Tasks.ValueTask"/>).</summary>
public readonly struct Unit : IEquatable<Unit>
{
    /// <summary>The only value of <see cref="Unit"/>.</summary>
    public static Unit Value => default;

    /// <inheritdoc/>
    public bool Equals(Unit other) => true;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Unit;

    /// <inheritdoc/>
    public override int GetHashCode() => 0;

    /// <inheritdoc/>
    public override string ToString() => "()";

    /// <summary>Always <see langword="true"/>.</summary>
    public static bool operator ==(Unit left, Unit right) => true;

    /// <summary>Always <see langword="false"/>.</summary>
    public static bool operator !=(Unit left, Unit right) => false;
}

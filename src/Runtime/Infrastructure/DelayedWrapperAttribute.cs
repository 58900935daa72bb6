using System;

namespace TaskGraph.Infrastructure;

/// <summary>
/// Marks a generated wrapper and names the <c>[Delayed]</c> method it wraps by its documentation
/// comment id, so that analyzers and tools map a wrapper call to its method exactly (overloads and
/// generic methods included).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class DelayedWrapperAttribute : Attribute
{
    /// <summary>Marks a wrapper of the method with documentation comment id <paramref name="methodId"/>.</summary>
    public DelayedWrapperAttribute(string methodId) => MethodId = methodId;

    /// <summary>The wrapped method's documentation comment id, e.g. <c>M:Ns.Etl.Process(Ns.Data,Ns.Data)</c>.</summary>
    public string MethodId { get; }
}

using System;

namespace TaskGraph.Tests.Reliability;

/// <summary>The failure a test injects at node <see cref="Node"/>.</summary>
internal sealed class InjectedFault : Exception
{
    public InjectedFault(int node, bool afterStop)
        : base($"injected fault at node {node}{(afterStop ? " (after the compute stopped)" : string.Empty)}")
    {
        Node = node;
        AfterStop = afterStop;
    }

    public int Node { get; }

    /// <summary>The compute had already stopped when this fault was thrown: it must not be the one reported.</summary>
    public bool AfterStop { get; }
}

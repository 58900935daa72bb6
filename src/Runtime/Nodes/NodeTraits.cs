using System;

namespace TaskGraph;

/// <summary>What the scheduler needs to know about a node, fixed when it is built.</summary>
[Flags]
internal enum NodeTraits : byte
{
    None = 0,

    /// <summary>A constant: not a task.</summary>
    Constant = 1,

    /// <summary>A call of a <see cref="DelayedAttribute.Pure"/> method.</summary>
    Pure = 2,

    /// <summary>A call of a <see cref="DelayedAttribute.Blocking"/> method: runs on a blocking thread.</summary>
    Blocking = 4,

    /// <summary>A call whose arguments are all constants or null handles: planning need not look at them.</summary>
    Source = 8,

    /// <summary>A call of an asynchronous method: its invoker returns a ValueTask.</summary>
    Async = 16,

    /// <summary>A call of a method with its own <see cref="DelayedAttribute.Retries"/> or <see cref="DelayedAttribute.TimeoutMilliseconds"/>.</summary>
    Guarded = 32,

    /// <summary>A call given a null argument handle: <see cref="DelayedNode.Dependencies"/> leaves it out.</summary>
    NullHandle = 64,
}

namespace TaskGraph.Infrastructure;

/// <summary>
/// The computed argument values of one task, read by the generated invoker by position and type.
/// Used by generated code only.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public readonly struct DelayedArguments
{
    // The runtime helper fills in the storage (the per-compute results of the task's inputs).

    /// <summary>The value of argument <paramref name="index"/>; a <see langword="null"/> handle reads as <see langword="default"/>.</summary>
    public T Get<T>(int index) => throw new System.NotImplementedException();
}

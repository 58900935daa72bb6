namespace TaskGraph;

/// <summary>How a <see cref="DelayedMethod"/> returns its result; the runtime awaits the asynchronous kinds without blocking a thread.</summary>
public enum DelayedResultKind
{
    /// <summary>Returns a value synchronously.</summary>
    Value,

    /// <summary>Returns <c>void</c>; the task's result is <see cref="Unit"/>.</summary>
    Void,

    /// <summary>Returns <see cref="System.Threading.Tasks.Task{TResult}"/>.</summary>
    TaskOfResult,

    /// <summary>Returns <see cref="System.Threading.Tasks.Task"/>; the task's result is <see cref="Unit"/>.</summary>
    Task,

    /// <summary>Returns <see cref="System.Threading.Tasks.ValueTask{TResult}"/>.</summary>
    ValueTaskOfResult,

    /// <summary>Returns <see cref="System.Threading.Tasks.ValueTask"/>; the task's result is <see cref="Unit"/>.</summary>
    ValueTask,
}

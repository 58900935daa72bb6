using System;

namespace TaskGraph;

/// <summary>
/// A task of a compute failed. Names the task (its key and method) and carries the original
/// exception, with its stack trace, as <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class DelayedTaskException : Exception
{
    /// <summary>Creates the exception for task <paramref name="taskKey"/> of <paramref name="method"/> that failed with <paramref name="innerException"/>.</summary>
    public DelayedTaskException(string taskKey, DelayedMethod? method, Exception innerException)
        : base(FormatMessage(taskKey, method, innerException), innerException)
    {
        TaskKey = taskKey;
        Method = method;
    }

    /// <summary>The failing task's key.</summary>
    public string TaskKey { get; }

    /// <summary>The failing task's method; <see langword="null"/> for a collection node.</summary>
    public DelayedMethod? Method { get; }

    private static string FormatMessage(string taskKey, DelayedMethod? method, Exception innerException)
    {
        string what = method is null ? string.Empty : $" ({method.ContainingType}.{method.Name})";
        return $"Task '{taskKey}'{what} failed: {innerException.GetType().Name}: {ExceptionText.MessageOf(innerException)}";
    }
}

using System;
using System.Globalization;

namespace TaskGraph;

/// <summary>
/// A task ran longer than its timeout (<see cref="DelayedAttribute.TimeoutMilliseconds"/> or
/// <see cref="ComputeOptions.TaskTimeout"/>): its cancellation token was cancelled and the attempt failed.
/// The compute reports it as the <see cref="Exception.InnerException"/> of a <see cref="DelayedTaskException"/>.
/// </summary>
public sealed class TaskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for task <paramref name="taskKey"/> that overran <paramref name="timeout"/>.</summary>
    /// <param name="taskKey">The task's key.</param>
    /// <param name="timeout">The limit it overran.</param>
    /// <param name="innerException">What the task threw when it saw its token cancelled, if anything.</param>
    public TaskTimeoutException(string taskKey, TimeSpan timeout, Exception? innerException = null)
        : base($"Task '{taskKey}' ran longer than its timeout of {FormatTimeout(timeout)} and was cancelled.", innerException)
    {
        TaskKey = taskKey;
        Timeout = timeout;
    }

    /// <summary>The key of the task that overran.</summary>
    public string TaskKey { get; }

    /// <summary>The limit the task overran.</summary>
    public TimeSpan Timeout { get; }

    private static string FormatTimeout(TimeSpan timeout)
        => timeout.TotalSeconds >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0.###} s")
            : string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalMilliseconds:0.###} ms");
}

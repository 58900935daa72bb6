using System;

namespace TaskGraph;

/// <summary>Describes exceptions that user code threw, without trusting them.</summary>
internal static class ExceptionText
{
    /// <summary>The exception's message; if its <see cref="Exception.Message"/> getter itself throws, a note saying so, so that describing a failure never fails.</summary>
    internal static string MessageOf(Exception exception)
    {
        try
        {
            return exception.Message;
        }
        catch (Exception failure)
        {
            return $"(its Message threw {failure.GetType().Name})";
        }
    }
}

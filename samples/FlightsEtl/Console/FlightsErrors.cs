using System;

namespace FlightsEtl;

/// <summary>Turns the job's failures into one line for a person: the innermost cause that says what and where.</summary>
public static class FlightsErrors
{
    /// <summary>The message of the exception that explains <paramref name="error"/>: a bad row's file, line and column when there is one.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is FlightDataException or ArgumentException or OverflowException or JobRefusedException)
            {
                return current.Message;
            }
        }

        // A task's wrapper names the task; the cause is underneath.
        Exception innermost = error;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost == error ? error.Message : $"{innermost.Message} ({error.Message})";
    }
}

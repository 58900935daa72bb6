using System;

namespace FlightsEtl;

/// <summary>A flights file holds something that is not a valid flight row; names the file, line and column.</summary>
public sealed class FlightDataException : Exception
{
    /// <summary>Creates the exception for a bad value at <paramref name="file"/>:<paramref name="line"/>, <paramref name="column"/>.</summary>
    public FlightDataException(string file, long line, string? column, string problem)
        : base(column is null ? $"{file}, line {line}: {problem}" : $"{file}, line {line}, column {column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file, as it was given to the reader.</summary>
    public string File { get; }

    /// <summary>The 1-based line number (the header is line 1).</summary>
    public long Line { get; }

    /// <summary>The column's name, or <see langword="null"/> when the whole row is wrong (e.g. its column count).</summary>
    public string? Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}

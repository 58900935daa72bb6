using System;
using System.Globalization;

namespace TaskGraph.Diagnostics;

/// <summary>Appends text and numbers to a caller-owned buffer without allocating; stops quietly at its end.</summary>
internal ref struct LineBuilder
{
    private readonly Span<char> buffer;

    internal LineBuilder(Span<char> buffer)
    {
        this.buffer = buffer;
        Length = 0;
    }

    internal int Length { get; private set; }

    internal void Append(char value)
    {
        if (Length < buffer.Length)
        {
            buffer[Length++] = value;
        }
    }

    internal void Append(string value)
    {
        int count = Math.Min(value.Length, buffer.Length - Length);
        value.AsSpan(0, count).CopyTo(buffer[Length..]);
        Length += count;
    }

    internal void Append(int value)
    {
        if (value.TryFormat(buffer[Length..], out int written, default, CultureInfo.InvariantCulture))
        {
            Length += written;
        }
    }

    /// <summary>Right-aligns <paramref name="value"/> in <paramref name="columns"/> characters.</summary>
    internal void AppendPadded(int value, int columns)
    {
        int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 10;
        Repeat(' ', columns - digits);
        Append(value);
    }

    internal void Repeat(char value, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Append(value);
        }
    }
}

using System;

namespace FlightsEtl;

/// <summary>
/// The common case of the flights files' numbers, parsed without the general parsers: an optional minus sign
/// and at most 15 digits. Anything else is left to <c>int.TryParse</c> / <c>double.TryParse</c>, so the values
/// read are the same either way.
/// </summary>
/// <remarks>
/// 13 of the 23 columns are numbers in <c>double</c>: <c>double.TryParse</c> of them took about 150 of the
/// 280 ms of CPU that reading 200,000 rows took, this path about 20 (benchmarks/FlightsEtl/README.md).
/// 15 digits keep every value exact as a double; "-0" is left to the general parser, which keeps its sign.
/// </remarks>
internal static class WholeNumber
{
    private const int MaxDigits = 15;

    /// <summary>Parses <paramref name="text"/> when it is <c>-?[0-9]{1,15}</c> and not "-0"; returns false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        bool negative = text.Length > 0 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.Length is 0 or > MaxDigits)
        {
            return false;
        }

        foreach (char c in digits)
        {
            uint digit = (uint)(c - '0');
            if (digit > 9)
            {
                value = 0;
                return false;
            }

            value = (value * 10) + digit;
        }

        if (negative)
        {
            if (value == 0)
            {
                return false;
            }

            value = -value;
        }

        return true;
    }
}

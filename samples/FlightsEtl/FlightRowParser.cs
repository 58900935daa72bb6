using System;
using System.Globalization;

namespace FlightsEtl;

/// <summary>The fields of one CSV row, as whichever CSV reader split them.</summary>
internal interface IFlightFields
{
    /// <summary>How many fields the row has.</summary>
    int Count { get; }

    /// <summary>The raw text of field <paramref name="index"/>.</summary>
    ReadOnlySpan<char> this[int index] { get; }

    /// <summary>The text of field <paramref name="index"/> as a string (readers reuse equal strings where they can).</summary>
    string Text(int index);
}

/// <summary>
/// Turns one row's fields into a <see cref="FlightRecord"/>, checking every value: a bad value fails
/// with the file, line and column named, never as a silent zero or NaN.
/// </summary>
internal static class FlightRowParser
{
    public static FlightRecord Parse<TFields>(scoped in TFields fields, string file, long line)
        where TFields : IFlightFields, allows ref struct
    {
        if (fields.Count != FlightColumns.Count)
        {
            throw new FlightDataException(file, line, null, $"expected {FlightColumns.Count} columns, found {fields.Count}");
        }

        int year = RequiredInt(fields, FlightColumns.Year, file, line);
        int month = RequiredInt(fields, FlightColumns.Month, file, line);
        int day = RequiredInt(fields, FlightColumns.DayofMonth, file, line);
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw new FlightDataException(file, line, FlightColumns.Names[FlightColumns.DayofMonth],
                $"Year={year}, Month={month}, DayofMonth={day} is not a date");
        }

        return new FlightRecord(
            date: new DateOnly(year, month, day),
            dayOfWeek: RequiredInt(fields, FlightColumns.DayOfWeek, file, line),
            depTime: OptionalDouble(fields, FlightColumns.DepTime, file, line),
            crsDepTime: RequiredInt(fields, FlightColumns.CRSDepTime, file, line),
            arrTime: OptionalDouble(fields, FlightColumns.ArrTime, file, line),
            crsArrTime: RequiredInt(fields, FlightColumns.CRSArrTime, file, line),
            uniqueCarrier: RequiredText(fields, FlightColumns.UniqueCarrier, file, line),
            flightNum: RequiredInt(fields, FlightColumns.FlightNum, file, line),
            tailNum: OptionalText(fields, FlightColumns.TailNum, file, line),
            actualElapsedTime: OptionalDouble(fields, FlightColumns.ActualElapsedTime, file, line),
            crsElapsedTime: OptionalDouble(fields, FlightColumns.CRSElapsedTime, file, line),
            airTime: OptionalDouble(fields, FlightColumns.AirTime, file, line),
            arrDelay: OptionalDouble(fields, FlightColumns.ArrDelay, file, line),
            depDelay: OptionalDouble(fields, FlightColumns.DepDelay, file, line),
            origin: RequiredText(fields, FlightColumns.Origin, file, line),
            dest: RequiredText(fields, FlightColumns.Dest, file, line),
            distance: OptionalDouble(fields, FlightColumns.Distance, file, line),
            taxiIn: OptionalDouble(fields, FlightColumns.TaxiIn, file, line),
            taxiOut: OptionalDouble(fields, FlightColumns.TaxiOut, file, line),
            cancelled: Flag(fields, FlightColumns.Cancelled, file, line),
            diverted: RequiredInt(fields, FlightColumns.Diverted, file, line));
    }

    /// <summary>Whether a field holds one of the spellings pandas 2's <c>read_csv</c> reads as a missing value by default (its <c>STR_NA_VALUES</c>).</summary>
    public static bool IsMissing(ReadOnlySpan<char> text) => text is
        "" or "NA" or "N/A" or "n/a" or "#N/A" or "#N/A N/A" or "#NA" or "NULL" or "null" or "NaN" or "nan" or "-NaN" or "-nan"
        or "<NA>" or "None" or "1.#IND" or "-1.#IND" or "1.#QNAN" or "-1.#QNAN";

    private static int RequiredInt<TFields>(scoped in TFields fields, int column, string file, long line)
        where TFields : IFlightFields, allows ref struct
    {
        ReadOnlySpan<char> text = fields[column];
        if (WholeNumber.TryParse(text, out long whole) && whole is >= int.MinValue and <= int.MaxValue)
        {
            return (int)whole;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        throw Bad(file, line, column, text, IsMissing(text) ? "is missing; this column needs a value" : "is not a whole number");
    }

    private static double? OptionalDouble<TFields>(scoped in TFields fields, int column, string file, long line)
        where TFields : IFlightFields, allows ref struct
    {
        ReadOnlySpan<char> text = fields[column];
        if (WholeNumber.TryParse(text, out long whole))
        {
            return whole;
        }

        if (IsMissing(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return value;
        }

        // pandas spells infinities "inf"; .NET spells them "Infinity" (accepted above).
        if (text.Equals("inf", StringComparison.OrdinalIgnoreCase) || text.Equals("+inf", StringComparison.OrdinalIgnoreCase))
        {
            return double.PositiveInfinity;
        }

        if (text.Equals("-inf", StringComparison.OrdinalIgnoreCase))
        {
            return double.NegativeInfinity;
        }

        throw Bad(file, line, column, text, "is not a number");
    }

    private static string RequiredText<TFields>(scoped in TFields fields, int column, string file, long line)
        where TFields : IFlightFields, allows ref struct
        => OptionalText(fields, column, file, line) ?? throw Bad(file, line, column, fields[column], "is missing; this column needs a value");

    private static string? OptionalText<TFields>(scoped in TFields fields, int column, string file, long line)
        where TFields : IFlightFields, allows ref struct
    {
        ReadOnlySpan<char> text = fields[column];
        if (IsMissing(text))
        {
            return null;
        }

        // A decoder meeting bytes that are not UTF-8 substitutes U+FFFD: refuse it rather than store mojibake.
        if (text.Contains('\uFFFD'))
        {
            throw Bad(file, line, column, text, "is not valid UTF-8 text");
        }

        return fields.Text(column);
    }

    private static bool Flag<TFields>(scoped in TFields fields, int column, string file, long line)
        where TFields : IFlightFields, allows ref struct
    {
        ReadOnlySpan<char> text = fields[column];
        if (text.SequenceEqual("0") || text.Equals("False", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (text.SequenceEqual("1") || text.Equals("True", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        throw Bad(file, line, column, text, "is not a flag (0, 1, True or False)");
    }

    private static FlightDataException Bad(string file, long line, int column, ReadOnlySpan<char> text, string problem)
    {
        const int MaxShown = 40;
        string shown = text.Length <= MaxShown ? text.ToString() : string.Concat(text[..MaxShown], "...");
        return new FlightDataException(file, line, FlightColumns.Names[column], $"'{shown}' {problem}");
    }
}

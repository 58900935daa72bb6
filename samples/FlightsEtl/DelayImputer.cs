using System;
using System.Collections.Generic;

namespace FlightsEtl;

/// <summary>
/// The seed's pre-processing of DepDelay: infinities become missing, missing values take the mean
/// (scikit-learn's SimpleImputer, strategy "mean"), and the column becomes integers by truncation
/// (<c>astype(int)</c>).
/// </summary>
public static class DelayImputer
{
    // -2^63 and 2^63, exactly representable: the doubles whose truncation fits a long are [-2^63, 2^63).
    private const double MinInt64AsDouble = -9_223_372_036_854_775_808.0;
    private const double MaxInt64AsDouble = 9_223_372_036_854_775_808.0;

    /// <summary>One file's DepDelay with missing and infinite values replaced by <paramref name="mean"/>, truncated to integers.</summary>
    /// <exception cref="OverflowException">A value does not fit a 64-bit integer (numpy's int64); the message names the file, row and column.</exception>
    public static long[] Impute(DelayColumn column, double mean)
    {
        if (!double.IsFinite(mean))
        {
            throw new InvalidOperationException($"Cannot impute DepDelay of {column.File}: the mean is {mean} (no finite value in any file).");
        }

        var values = column.DepDelay;
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double value = double.IsFinite(values[i]) ? values[i] : mean;
            if (value is < MinInt64AsDouble or >= MaxInt64AsDouble)
            {
                throw new OverflowException($"{column.File}, data row {i + 1}, column DepDelay: {value} does not fit a 64-bit integer.");
            }

            result[i] = (long)value; // truncates toward zero, as numpy's astype(int)
        }

        return result;
    }

    /// <summary>The imputed columns of every file, end to end (the seed's <c>data_array</c>).</summary>
    public static long[] Concatenate(IReadOnlyList<long[]> columns)
    {
        long total = 0;
        foreach (var column in columns)
        {
            total += column.Length;
        }

        var all = new long[checked((int)total)];
        int offset = 0;
        foreach (var column in columns)
        {
            column.CopyTo(all, offset);
            offset += column.Length;
        }

        return all;
    }
}

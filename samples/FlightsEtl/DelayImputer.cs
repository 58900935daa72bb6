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
    /// <summary>One file's DepDelay with missing and infinite values replaced by <paramref name="mean"/>, truncated to integers.</summary>
    /// <exception cref="OverflowException">A value does not fit a 32-bit integer; the message names the file and row.</exception>
    public static int[] Impute(DelayColumn column, double mean)
    {
        if (!double.IsFinite(mean))
        {
            throw new InvalidOperationException($"Cannot impute DepDelay of {column.File}: the mean is {mean} (no finite value in any file).");
        }

        var values = column.DepDelay;
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double value = double.IsFinite(values[i]) ? values[i] : mean;
            if (value is <= int.MinValue - 1.0 or >= int.MaxValue + 1.0)
            {
                throw new OverflowException($"{column.File}, data row {i + 1}, column DepDelay: {value} does not fit a 32-bit integer.");
            }

            result[i] = (int)value; // truncates toward zero, as numpy's astype(int)
        }

        return result;
    }

    /// <summary>The imputed columns of every file, end to end (the seed's <c>data_array</c>).</summary>
    public static int[] Concatenate(IReadOnlyList<int[]> columns)
    {
        long total = 0;
        foreach (var column in columns)
        {
            total += column.Length;
        }

        var all = new int[checked((int)total)];
        int offset = 0;
        foreach (var column in columns)
        {
            column.CopyTo(all, offset);
            offset += column.Length;
        }

        return all;
    }
}

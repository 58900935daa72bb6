namespace FlightsEtl;

/// <summary>
/// The columns the rest of the job needs from one file (the seed's <c>ddf[cols_to_impute]</c>):
/// DepDelay as a float64 column with NaN where the file had no value, and the Cancelled flags.
/// Selecting them lets the full rows of a file be dropped as soon as it is summarized.
/// </summary>
/// <param name="File">The file the values came from.</param>
/// <param name="DepDelay">Departure delay per row, minutes; NaN where missing.</param>
/// <param name="Cancelled">Whether each row's flight was cancelled.</param>
/// <param name="SkippedRows">Malformed rows skipped while reading the file.</param>
public sealed record DelayColumn(string File, double[] DepDelay, bool[] Cancelled, int SkippedRows)
{
    /// <summary>Selects the delay and cancellation columns of a parsed file.</summary>
    public static DelayColumn Select(FlightFrame frame)
    {
        var rows = frame.Rows;
        var delays = new double[rows.Count];
        var cancelled = new bool[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            delays[i] = rows[i].DepDelayOrNaN;
            cancelled[i] = rows[i].Cancelled;
        }

        return new DelayColumn(frame.File, delays, cancelled, frame.SkippedRows);
    }
}

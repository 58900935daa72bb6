namespace FlightsEtl;

/// <summary>
/// The columns the rest of the job needs from one file (the seed's <c>ddf[cols_to_impute]</c>):
/// DepDelay as a float64 column with NaN where the file had no value, and the Cancelled flags.
/// <see cref="CsvFlightReader.ReadDelays"/> keeps only these while it checks every column.
/// </summary>
/// <param name="File">The file the values came from.</param>
/// <param name="DepDelay">Departure delay per row, minutes; NaN where missing.</param>
/// <param name="Cancelled">Whether each row's flight was cancelled.</param>
/// <param name="SkippedRows">Malformed rows skipped while reading the file.</param>
public sealed record DelayColumn(string File, double[] DepDelay, bool[] Cancelled, int SkippedRows);

using System;

namespace FlightsEtl;

/// <summary>One flights file, parsed: a partition, in Dask's words.</summary>
/// <param name="File">The file it was read from.</param>
/// <param name="Rows">The parsed rows, in file order (a segment of the reader's buffer: no copy at the end of a read).</param>
/// <param name="SkippedRows">Malformed rows skipped (only with <see cref="FlightReadOptions.SkipBadRows"/>).</param>
public sealed record FlightFrame(string File, ArraySegment<FlightRecord> Rows, int SkippedRows);

/// <summary>How flights files are read.</summary>
/// <param name="SkipBadRows">Count and skip malformed rows instead of failing on the first one.</param>
/// <param name="OnSkippedRow">Told about the first skipped rows of each file (for the log); called from the reading thread.</param>
public sealed record FlightReadOptions(bool SkipBadRows = false, Action<FlightDataException>? OnSkippedRow = null);

using System;
using System.IO;
using System.Threading;
using nietras.SeparatedValues;

namespace FlightsEtl;

/// <summary>Reads one flights CSV file into a <see cref="FlightFrame"/>, checking its header and every row.</summary>
public static class CsvFlightReader
{
    private const int MaxReportedSkips = 20;
    private const int CancellationCheckInterval = 4096;

    /// <summary>Reads and parses <paramref name="path"/>, keeping every column of every row.</summary>
    /// <exception cref="FlightDataException">The file is empty, its header is not the flights schema, or a row is malformed (unless skipped).</exception>
    public static FlightFrame Read(string path, FlightReadOptions options, CancellationToken cancellationToken = default)
    {
        var rows = new RowBuffer(EstimateRows(path));
        int skipped = ReadRows(path, options, rows, cancellationToken);
        return new FlightFrame(path, rows.Rows, skipped);
    }

    /// <summary>
    /// Reads and parses <paramref name="path"/>, checking every column of every row as <see cref="Read"/> does, but
    /// keeps only DepDelay and Cancelled (pandas' <c>usecols</c>): 9 bytes a row instead of a 150-byte record.
    /// </summary>
    /// <exception cref="FlightDataException">The file is empty, its header is not the flights schema, or a row is malformed (unless skipped).</exception>
    public static DelayColumn ReadDelays(string path, FlightReadOptions options, CancellationToken cancellationToken = default)
    {
        var columns = new DelayColumns(EstimateRows(path));
        int skipped = ReadRows(path, options, columns, cancellationToken);
        return columns.ToColumn(path, skipped);
    }

    /// <summary>Parses every row of <paramref name="path"/> into <paramref name="rows"/>; returns the number of malformed rows skipped.</summary>
    private static int ReadRows<TRows>(string path, FlightReadOptions options, TRows rows, CancellationToken cancellationToken)
        where TRows : IRowSink
    {
        ArgumentNullException.ThrowIfNull(options);
        using var reader = Sep.Reader(sep => sep with
        {
            Sep = new Sep(','),
            HasHeader = false, // checked here, column by column, with the file's line numbers
            Unescape = true, // RFC 4180 quoting, as pandas reads it
            DisableColCountCheck = true, // a row of the wrong width is reported (or skipped) here, not thrown mid-file
            CreateToString = SepToString.PoolPerCol(), // carriers, airports and tail numbers repeat: share their strings
        }).FromFile(path);
        if (!reader.MoveNext())
        {
            throw EmptyFile(path);
        }

        CheckHeader(new SepFields(reader.Current, keepText: true), path);
        var bad = new BadRows(options);
        while (reader.MoveNext())
        {
            var row = reader.Current;
            if (row.RowIndex % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            try
            {
                rows.Add(FlightRowParser.Parse(new SepFields(row, rows.KeepsText), path, row.LineNumberFrom));
            }
            catch (FlightDataException error)
            {
                bad.Add(error);
            }
        }

        return bad.Count;
    }

    /// <summary>Checks that a file's first row is the flights header, column by column.</summary>
    private static void CheckHeader<TFields>(scoped in TFields header, string path)
        where TFields : IFlightFields, allows ref struct
    {
        for (int i = 0; i < FlightColumns.Count; i++)
        {
            if (i >= header.Count)
            {
                throw new FlightDataException(path, 1, FlightColumns.Names[i], $"the header ends after {header.Count} columns; expected {FlightColumns.Count}: {string.Join(',', FlightColumns.Names)}");
            }

            if (!header[i].SequenceEqual(FlightColumns.Names[i]))
            {
                throw new FlightDataException(path, 1, FlightColumns.Names[i], $"the header has '{header[i]}' where '{FlightColumns.Names[i]}' belongs");
            }
        }

        if (header.Count != FlightColumns.Count)
        {
            throw new FlightDataException(path, 1, null, $"the header has {header.Count} columns; expected {FlightColumns.Count}");
        }
    }

    private static FlightDataException EmptyFile(string path)
        => new(path, 1, null, "the file is empty; expected the header " + string.Join(',', FlightColumns.Names));

    // Generated rows take 70-95 bytes (78 on average). Sizing for 64 bytes a row over-allocates by a
    // fifth but never grows: growing by doubling a 32 MB buffer that fell short (at 90 bytes a row) made
    // each file allocate 2.5 times its rows' size on the large object heap, and copy them once.
    private static int EstimateRows(string path) => (int)Math.Clamp(new FileInfo(path).Length / 64, 16, Array.MaxLength / 2);

    /// <summary>A Sep row as the parser's fields; without <paramref name="keepText"/>, text fields are checked but not made into strings.</summary>
    private readonly ref struct SepFields(SepReader.Row row, bool keepText) : IFlightFields
    {
        private readonly SepReader.Row row = row;

        public int Count => row.ColCount;

        public ReadOnlySpan<char> this[int index] => row[index].Span;

        public string Text(int index) => keepText ? row[index].ToString() : string.Empty;
    }

    /// <summary>Where a read puts each parsed row.</summary>
    private interface IRowSink
    {
        /// <summary>
        /// Whether the sink keeps the rows' text columns. Making the 4 text fields of a row into (pooled) strings
        /// took about 27 of the 110-200 ms of CPU that reading 200,000 rows took; a sink that drops them gets
        /// empty strings, after the same checks of the fields' text.
        /// </summary>
        bool KeepsText { get; }

        void Add(in FlightRecord row);
    }

    /// <summary>The rows read so far, in an array that grows by doubling; the frame keeps it as it is, without a final copy.</summary>
    private sealed class RowBuffer(int capacity) : IRowSink
    {
        private FlightRecord[] items = new FlightRecord[capacity];
        private int count;

        public ArraySegment<FlightRecord> Rows => new(items, 0, count);

        public bool KeepsText => true;

        public void Add(in FlightRecord row)
        {
            if (count == items.Length)
            {
                Array.Resize(ref items, Math.Max(16, items.Length * 2));
            }

            items[count++] = row;
        }
    }

    /// <summary>The DepDelay and Cancelled values read so far, in arrays that grow by doubling and are cut to length at the end.</summary>
    private sealed class DelayColumns(int capacity) : IRowSink
    {
        private double[] delays = new double[capacity];
        private bool[] cancelled = new bool[capacity];
        private int count;

        public bool KeepsText => false;

        public void Add(in FlightRecord row)
        {
            if (count == delays.Length)
            {
                Array.Resize(ref delays, Math.Max(16, delays.Length * 2));
                Array.Resize(ref cancelled, delays.Length);
            }

            delays[count] = row.DepDelayOrNaN;
            cancelled[count++] = row.Cancelled;
        }

        public DelayColumn ToColumn(string path, int skippedRows)
        {
            Array.Resize(ref delays, count);
            Array.Resize(ref cancelled, count);
            return new DelayColumn(path, delays, cancelled, skippedRows);
        }
    }

    /// <summary>Malformed rows: the first one fails the read, unless they are to be skipped and counted.</summary>
    private sealed class BadRows(FlightReadOptions options)
    {
        public int Count { get; private set; }

        public void Add(FlightDataException error)
        {
            if (!options.SkipBadRows)
            {
                throw error;
            }

            if (++Count <= MaxReportedSkips)
            {
                options.OnSkippedRow?.Invoke(error);
            }
        }
    }
}

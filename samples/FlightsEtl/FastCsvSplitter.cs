using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace FlightsEtl;

/// <summary>
/// A span-based reader for the flights files' plain format (comma-separated, no quoting): lines are
/// cut out of one reused buffer and fields are slices of it, so the only strings made are the few
/// distinct carriers, airports and tail numbers. A quote character is reported as a malformed row.
/// </summary>
internal static class FastCsvSplitter
{
    private const int BufferSize = 1 << 16;

    public static void ReadAll(TextReader text, string path, CsvFlightReader.RowBuffer rows, CsvFlightReader.BadRows bad, CancellationToken cancellationToken)
    {
        char[] buffer = new char[BufferSize];
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> fieldStarts = stackalloc int[FlightColumns.Count + 2];
        int filled = 0;
        long line = 0;
        bool sawHeader = false;
        while (true)
        {
            int read = text.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            bool atEnd = read == 0;
            int start = 0;
            while (true)
            {
                int newline = Array.IndexOf(buffer, '\n', start, filled - start);
                if (newline < 0 && !(atEnd && start < filled))
                {
                    break;
                }

                int end = newline < 0 ? filled : newline;
                ReadOnlySpan<char> content = buffer.AsSpan(start, end - start).TrimEnd('\r');
                start = newline < 0 ? filled : newline + 1;
                line++;
                if (content.IsEmpty)
                {
                    continue;
                }

                if (line % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var fields = new SpanFields(content, Split(content, fieldStarts), fieldStarts, lookup);
                if (!sawHeader)
                {
                    CsvFlightReader.CheckHeader(fields, path);
                    sawHeader = true;
                    continue;
                }

                try
                {
                    if (content.Contains('"'))
                    {
                        throw new FlightDataException(path, line, null, "quoted fields are not read by the fast parser (use --parser csvhelper)");
                    }

                    rows.Add(FlightRowParser.Parse(fields, path, line));
                }
                catch (FlightDataException error)
                {
                    bad.Add(error);
                }
            }

            if (atEnd)
            {
                break;
            }

            // Keep the unfinished line; grow when one line is longer than the whole buffer.
            filled -= start;
            Array.Copy(buffer, start, buffer, 0, filled);
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }

        if (!sawHeader)
        {
            throw CsvFlightReader.EmptyFile(path);
        }
    }

    /// <summary>Records where each field starts (plus one past the end); returns the field count, capped so a wild row cannot overrun.</summary>
    private static int Split(ReadOnlySpan<char> content, Span<int> starts)
    {
        int count = 0;
        starts[0] = 0;
        int position = 0;
        while (true)
        {
            int comma = content[position..].IndexOf(',');
            count++;
            if (comma < 0 || count == starts.Length - 1)
            {
                starts[count] = content.Length + 1;
                return comma < 0 ? count : count + content[position..].Count(',');
            }

            position += comma + 1;
            starts[count] = position;
        }
    }

    private readonly ref struct SpanFields(ReadOnlySpan<char> content, int count, ReadOnlySpan<int> starts, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> strings) : IFlightFields
    {
        private readonly ReadOnlySpan<char> content = content;
        private readonly ReadOnlySpan<int> starts = starts;

        public int Count => count;

        public ReadOnlySpan<char> this[int index] => content[starts[index]..(starts[index + 1] - 1)];

        public string Text(int index)
        {
            ReadOnlySpan<char> field = this[index];
            if (!strings.TryGetValue(field, out string? text))
            {
                text = field.ToString();
                strings[field] = text;
            }

            return text;
        }
    }
}

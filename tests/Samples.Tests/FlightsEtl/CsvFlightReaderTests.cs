using System;
using System.IO;
using System.Linq;
using System.Text;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

public sealed class CsvFlightReaderTests
{
    private const string GoodRow = SampleRows.Good;
    private const string CancelledRow = SampleRows.Cancelled;
    private static readonly string Header = SampleRows.Header;

    [Fact]
    public void A_row_is_typed_like_the_seed_dtypes()
    {
        using var directory = new TempDirectory();
        string file = Write(directory, Header, GoodRow, CancelledRow);
        var frame = CsvFlightReader.Read(file, new FlightReadOptions());

        Assert.Equal(2, frame.Rows.Count);
        var row = frame.Rows[0];
        Assert.Equal(new DateOnly(1990, 1, 1), row.Date);
        Assert.Equal(1621.0, row.DepTime);
        Assert.Equal(1540, row.CRSDepTime);
        Assert.Null(row.TailNum);
        Assert.Null(row.AirTime);
        Assert.Equal(79.0, row.CRSElapsedTime);
        Assert.Equal(41.0, row.DepDelay);
        Assert.Equal("EWR", row.Origin);
        Assert.False(row.Cancelled);

        var cancelled = frame.Rows[1];
        Assert.True(cancelled.Cancelled);
        Assert.Null(cancelled.DepDelay);
        Assert.Equal("N421AA", cancelled.TailNum);
        Assert.Equal(new DateOnly(1995, 3, 14), cancelled.Date);
    }

    [Theory]
    [InlineData("1990,1,1,1,16x1,1540,1747,1701,US,33,,86,79,NA,46,41,EWR,PIT,319,NA,NA,0,0", "DepTime", "is not a number")]
    [InlineData("1990,1,1,1,1621,1540,1747,1701,US,33,,86,79,NA,46,abc,EWR,PIT,319,NA,NA,0,0", "DepDelay", "'abc' is not a number")]
    [InlineData("1990,2,30,1,1621,1540,1747,1701,US,33,,86,79,NA,46,41,EWR,PIT,319,NA,NA,0,0", "DayofMonth", "is not a date")]
    [InlineData("1990,13,1,1,1621,1540,1747,1701,US,33,,86,79,NA,46,41,EWR,PIT,319,NA,NA,0,0", "DayofMonth", "is not a date")]
    [InlineData("1990,1,1,1,1621,1540,1747,1701,US,33,,86,79,NA,46,41,EWR,PIT,319,NA,NA,maybe,0", "Cancelled", "is not a flag")]
    [InlineData("1990,1,1,1,1621,NA,1747,1701,US,33,,86,79,NA,46,41,EWR,PIT,319,NA,NA,0,0", "CRSDepTime", "is missing")]
    [InlineData("1990,1,1,1,1621,1540,1747,1701,,33,,86,79,NA,46,41,EWR,PIT,319,NA,NA,0,0", "UniqueCarrier", "is missing")]
    public void A_malformed_value_fails_naming_file_line_and_column(string badRow, string column, string problem)
    {
        using var directory = new TempDirectory();
        string file = Write(directory, Header, GoodRow, GoodRow, badRow, GoodRow);
        var error = Assert.Throws<FlightDataException>(() => CsvFlightReader.Read(file, new FlightReadOptions()));

        Assert.Equal(file, error.File);
        Assert.Equal(4, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"{file}, line 4, column {column}: ", error.Message);
    }

    [Fact]
    public void A_wrong_column_count_fails_naming_the_line()
    {
        using var directory = new TempDirectory();
        string file = Write(directory, Header, GoodRow, "1990,1,1,1,1621"); // a truncated last line
        var error = Assert.Throws<FlightDataException>(() => CsvFlightReader.Read(file, new FlightReadOptions()));

        Assert.Equal(3, error.Line);
        Assert.Null(error.Column);
        Assert.Contains("expected 23 columns, found 5", error.Message);
    }

    [Fact]
    public void Skip_bad_rows_counts_and_skips_them_and_reports_each()
    {
        using var directory = new TempDirectory();
        string file = Write(directory, Header, GoodRow, "garbage", GoodRow.Replace(",41,", ",4x1,", StringComparison.Ordinal), CancelledRow);
        var reported = new System.Collections.Concurrent.ConcurrentQueue<FlightDataException>();
        var frame = CsvFlightReader.Read(file, new FlightReadOptions(SkipBadRows: true, reported.Enqueue));

        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(2, frame.SkippedRows);
        Assert.Equal(new long[] { 3, 4 }, reported.Select(error => error.Line));
    }

    [Fact]
    public void A_wrong_header_or_an_empty_file_is_refused()
    {
        using var directory = new TempDirectory();
        string swapped = Header.Replace("DepTime,CRSDepTime", "CRSDepTime,DepTime", StringComparison.Ordinal);
        var wrongHeader = Assert.Throws<FlightDataException>(() => CsvFlightReader.Read(Write(directory, swapped, GoodRow), new FlightReadOptions()));
        Assert.Equal(1, wrongHeader.Line);
        Assert.Equal("DepTime", wrongHeader.Column);

        string empty = directory.File("empty.csv");
        File.WriteAllText(empty, "");
        var emptyError = Assert.Throws<FlightDataException>(() => CsvFlightReader.Read(empty, new FlightReadOptions()));
        Assert.Contains("empty", emptyError.Message);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused()
    {
        using var directory = new TempDirectory();
        string file = directory.File("latin1.csv");
        byte[] bytes = Encoding.UTF8.GetBytes(Header + "\n" + CancelledRow.Replace("N421AA", "N421\u00C9A", StringComparison.Ordinal) + "\n");
        int index = Array.IndexOf(bytes, (byte)0xC3);
        bytes = bytes[..index].Concat(new byte[] { 0xC9 }).Concat(bytes[(index + 2)..]).ToArray(); // É in Latin-1
        File.WriteAllBytes(file, bytes);

        var error = Assert.Throws<FlightDataException>(() => CsvFlightReader.Read(file, new FlightReadOptions()));
        Assert.Equal("TailNum", error.Column);
        Assert.Contains("not valid UTF-8", error.Message);
        // The read that keeps only the delays makes no strings of the text columns, but checks them the same.
        var delaysError = Assert.Throws<FlightDataException>(() => CsvFlightReader.ReadDelays(file, new FlightReadOptions()));
        Assert.Equal(error.Message, delaysError.Message);
    }

    [Fact]
    public void The_delays_read_refuses_a_missing_carrier_as_the_full_read_does()
    {
        using var directory = new TempDirectory();
        string file = Write(directory, Header, GoodRow.Replace(",US,", ",NA,", StringComparison.Ordinal));

        var error = Assert.Throws<FlightDataException>(() => CsvFlightReader.ReadDelays(file, new FlightReadOptions()));
        Assert.Equal("UniqueCarrier", error.Column);
        Assert.Contains("is missing", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("N/A")]
    [InlineData("n/a")]
    [InlineData("#N/A")]
    [InlineData("#N/A N/A")]
    [InlineData("#NA")]
    [InlineData("NULL")]
    [InlineData("null")]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("-NaN")]
    [InlineData("-nan")]
    [InlineData("<NA>")]
    [InlineData("None")]
    [InlineData("1.#IND")]
    [InlineData("-1.#IND")]
    [InlineData("1.#QNAN")]
    [InlineData("-1.#QNAN")]
    public void Every_spelling_pandas_reads_as_missing_is_a_missing_value(string missing)
    {
        using var directory = new TempDirectory();
        string row = GoodRow.Replace(",41,", $",{missing},", StringComparison.Ordinal).Replace(",1540,1747,", $",1540,{missing},", StringComparison.Ordinal);
        var frame = CsvFlightReader.Read(Write(directory, Header, row), new FlightReadOptions());

        Assert.Null(frame.Rows[0].DepDelay);
        Assert.Null(frame.Rows[0].ArrTime);
    }

    [Fact]
    public void Quoted_fields_are_read_as_pandas_reads_them()
    {
        using var directory = new TempDirectory();
        string quoted = GoodRow.Replace(",US,", ",\"US\",", StringComparison.Ordinal).Replace(",41,", ",\"41\",", StringComparison.Ordinal);
        var frame = CsvFlightReader.Read(Write(directory, Header, quoted, GoodRow), new FlightReadOptions());

        Assert.Equal(frame.Rows[1], frame.Rows[0]);
        Assert.Equal("US", frame.Rows[0].UniqueCarrier);
    }

    private static string Write(TempDirectory directory, params string[] lines)
    {
        string file = directory.File($"f{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
        return file;
    }
}

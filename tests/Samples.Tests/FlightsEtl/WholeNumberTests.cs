using System;
using System.Globalization;
using System.IO;
using System.Linq;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

public class WholeNumberTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("7", 7L)]
    [InlineData("007", 7L)]
    [InlineData("-12", -12L)]
    [InlineData("999999999999999", 999_999_999_999_999L)]
    [InlineData("-999999999999999", -999_999_999_999_999L)]
    public void Parses_a_minus_sign_and_up_to_15_digits_as_the_general_parsers_do(string text, long expected)
    {
        Assert.True(WholeNumber.TryParse(text, out long value));
        Assert.Equal(expected, value);
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("-0")] // double.Parse keeps the sign of -0.0: left to it
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("--5")]
    [InlineData("5-")]
    [InlineData("NA")]
    [InlineData("1234567890123456")] // 16 digits: not every such value is exact as a double
    public void Leaves_everything_else_to_the_general_parsers(string text)
    {
        Assert.False(WholeNumber.TryParse(text, out _));
    }

    [Fact]
    public void The_reader_keeps_what_the_general_parsers_read_outside_the_fast_path()
    {
        using var directory = new TempDirectory();
        string file = directory.File("numbers.csv");
        // DepDelay (the 16th column) as "-0", "41.5", "1e2" and "1234567890123456"; CRSDepTime (6th) as "+905".
        string[] delays = { "-0", "41.5", "1e2", "1234567890123456" };
        File.WriteAllLines(file, new[] { SampleRows.Header }.Concat(delays.Select(delay =>
            SampleRows.Good.Replace(",1540,", ",+905,", StringComparison.Ordinal).Replace(",46,41,", $",46,{delay},", StringComparison.Ordinal))));

        var column = CsvFlightReader.ReadDelays(file, new FlightReadOptions());

        Assert.Equal(new[] { -0.0, 41.5, 100, 1234567890123456 }, column.DepDelay);
        Assert.True(double.IsNegative(column.DepDelay[0]));
        Assert.Equal(905, CsvFlightReader.Read(file, new FlightReadOptions()).Rows[0].CRSDepTime);
    }
}

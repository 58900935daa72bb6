using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

public sealed class OptionsTests
{
    [Fact]
    public void No_arguments_is_the_readme_job()
    {
        var options = FlightsOptions.Parse(Array.Empty<string>());
        Assert.Equal(2_611_892, options.Rows);
        Assert.Equal(10, options.Files);
        Assert.Equal("flights.db", options.DatabasePath);
        Assert.Equal("flights", options.Table);
        Assert.Equal("etl.log", options.LogPath);
        Assert.Equal(TimeSpan.Zero, options.LatencyPerRow);
        Assert.Equal(4000, options.BatchSize);
        Assert.Equal(4, options.PoolWorkers);
        Assert.True(options.Generate);
        Assert.True(options.Baselines);
        Assert.False(options.SkipBadRows);
        Assert.Equal(CsvParserKind.Fast, options.Parser);
    }

    [Fact]
    public void Flags_set_their_options()
    {
        var options = FlightsOptions.Parse(new[]
        {
            "--rows", "20000", "--files", "3", "--data", "d", "--db", "x.db", "--table", "t1", "--latency-us", "250",
            "--skip-bad-rows", "--quiet", "--log", "run.log", "--parser", "csvhelper", "--no-baselines", "--seed", "9",
        });
        Assert.Equal(20_000, options.Rows);
        Assert.Equal(3, options.Files);
        Assert.Equal("d", options.DataDirectory);
        Assert.Equal("x.db", options.DatabasePath);
        Assert.Equal("t1", options.Table);
        Assert.Equal(TimeSpan.FromMicroseconds(250), options.LatencyPerRow);
        Assert.True(options.SkipBadRows);
        Assert.True(options.Quiet);
        Assert.Equal("run.log", options.LogPath);
        Assert.Equal(CsvParserKind.CsvHelper, options.Parser);
        Assert.False(options.Baselines);
        Assert.Equal(9UL, options.Seed);
    }

    [Theory]
    [InlineData("--frobnicate", "Unknown option '--frobnicate'")]
    [InlineData("--rows abc", "'--rows' needs a whole number; 'abc'")]
    [InlineData("--rows -5", "'--rows' needs a whole number")]
    [InlineData("--files 0", "'--files' must be between 1 and 1000")]
    [InlineData("--db", "'--db' needs a value")]
    [InlineData("--latency-us --quiet", "'--latency-us' needs a value")]
    [InlineData("--parser regex", "csvhelper or fast")]
    public void Bad_arguments_are_refused_with_a_message(string commandLine, string expected)
    {
        var error = Assert.Throws<OptionsException>(() => FlightsOptions.Parse(commandLine.Split(' ')));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task The_console_front_end_prints_the_error_and_usage_and_exits_with_2()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await ConsoleFrontEnd.RunAsync(new[] { "--rows", "many" }, output, error, CancellationToken.None);

        Assert.Equal(ConsoleFrontEnd.BadArguments, exitCode);
        Assert.Contains("error: Option '--rows' needs a whole number", error.ToString());
        Assert.Contains("Usage: FlightsEtl", error.ToString());
        Assert.Equal("", output.ToString());
    }
}

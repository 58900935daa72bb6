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
    public void No_arguments_is_the_readme_job_with_the_notebooks_latency_scaled_down()
    {
        var options = FlightsCommandLine.Options(FlightsCommandLine.Parse(Array.Empty<string>()));
        Assert.Equal(2_611_892, options.Rows);
        Assert.Equal(10, options.Files);
        Assert.Equal("flights.db", options.DatabasePath);
        Assert.Equal("flights", options.Table);
        Assert.Equal("etl.log", options.LogPath);
        Assert.Equal(TimeSpan.FromMilliseconds(10) / FlightsOptions.LatencyScale, options.LatencyPerRow);
        Assert.Equal(TimeSpan.FromMicroseconds(2), options.LatencyPerRow);
        Assert.Equal(4000, options.BatchSize);
        Assert.Equal(4, options.PoolWorkers);
        Assert.True(options.Generate);
        Assert.True(options.Baselines);
        Assert.False(options.SkipBadRows);
        Assert.Equal(new FlightsOptions(), options);
    }

    [Fact]
    public void Flags_set_their_options()
    {
        var options = FlightsCommandLine.Options(FlightsCommandLine.Parse(new[]
        {
            "--rows", "20000", "--files", "3", "--data", "d", "--db", "x.db", "--table", "t1", "--latency-us", "250",
            "--skip-bad-rows", "--quiet", "--log", "run.log", "--no-baselines", "--seed", "9", "--no-generate", "--workers", "8", "--batch-size", "100",
        }));
        Assert.Equal(20_000, options.Rows);
        Assert.Equal(3, options.Files);
        Assert.Equal("d", options.DataDirectory);
        Assert.Equal("x.db", options.DatabasePath);
        Assert.Equal("t1", options.Table);
        Assert.Equal(TimeSpan.FromMicroseconds(250), options.LatencyPerRow);
        Assert.True(options.SkipBadRows);
        Assert.True(options.Quiet);
        Assert.Equal("run.log", options.LogPath);
        Assert.False(options.Baselines);
        Assert.False(options.Generate);
        Assert.Equal(9UL, options.Seed);
        Assert.Equal(8, options.PoolWorkers);
        Assert.Equal(100, options.BatchSize);
        Assert.Null(FlightsCommandLine.Options(FlightsCommandLine.Parse(new[] { "--no-log" })).LogPath);
    }

    [Theory]
    [InlineData("--frobnicate", "--frobnicate")]
    [InlineData("--rows abc", "Option '--rows' needs a whole number; 'abc' is not one.")]
    [InlineData("--rows 0", "Option '--rows' must be between 1 and")]
    [InlineData("--files 0", "Option '--files' must be between 1 and 1000; got 0.")]
    [InlineData("--db", "--db")]
    [InlineData("--latency-us -1", "Option '--latency-us' must be between 0 and 10000000; got -1.")]
    [InlineData("--table 1x", "Table name '1x' is not a plain identifier")]
    [InlineData("--cluster 65", "Option '--cluster' must be between 0 and 64; got 65.")]
    public void Bad_arguments_are_refused_with_a_message_naming_the_option_or_value(string commandLine, string expected)
    {
        var parse = FlightsCommandLine.Parse(commandLine.Split(' '));
        Assert.Contains(parse.Errors, error => error.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => FlightsCommandLine.Options(parse));
    }

    [Fact]
    public async Task The_console_front_end_prints_the_error_and_the_help_and_exits_with_2()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await ConsoleFrontEnd.RunAsync(new[] { "--rows", "many" }, output, error, CancellationToken.None);

        Assert.Equal(ConsoleFrontEnd.BadArguments, exitCode);
        Assert.StartsWith("error: ", error.ToString());
        Assert.Contains("many", error.ToString());
        Assert.Contains("--latency-us", error.ToString()); // the help follows
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task Help_lists_every_option_on_the_output_and_exits_with_0()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await ConsoleFrontEnd.RunAsync(new[] { "--help" }, output, error, CancellationToken.None);

        Assert.Equal(ConsoleFrontEnd.Success, exitCode);
        Assert.Equal("", error.ToString());
        foreach (string option in new[] { "--rows", "--files", "--seed", "--data", "--no-generate", "--db", "--table", "--latency-us", "--batch-size", "--workers", "--no-baselines", "--skip-bad-rows", "--log", "--no-log", "--quiet", "--cluster" })
        {
            Assert.Contains(option, output.ToString());
        }
    }
}

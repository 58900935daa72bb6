using System;
using System.IO;
using CustomEtl;
using Xunit;

namespace Samples.Tests.CustomEtl;

public sealed class CustomEtlOptionsTests
{
    [Fact]
    public void No_arguments_give_the_defaults()
        => Assert.Equal(CustomEtlOptions.Default, Parse());

    [Fact]
    public void Flags_set_their_options()
    {
        var options = Parse("--example", "large", "--seed", "7", "--time-scale", "0.5", "--cluster", "2");

        Assert.Equal(new[] { EtlExample.Large }, options.Examples);
        Assert.Equal(7, options.Seed);
        Assert.Equal(0.5, options.TimeScale);
        Assert.Equal(2, options.ClusterWorkers);
    }

    [Fact]
    public void WatchFlagsSetTheirOptions()
    {
        var options = Parse("--graph", "g.mmd", "--trace", "t.json", "--no-progress");

        Assert.Equal("g.mmd", options.Graph);
        Assert.Equal("t.json", options.Trace);
        Assert.False(options.ShowProgress);
        Assert.True(CustomEtlOptions.Default.ShowProgress);
    }

    [Theory]
    [InlineData("--frobnicate", "--frobnicate")]
    [InlineData("--seed", "--seed")]
    [InlineData("--seed x", "Option '--seed' needs a whole number; 'x' is not one.")]
    [InlineData("--time-scale -1", "Option '--time-scale' takes a finite number of at least 0; '-1' is not one.")]
    [InlineData("--example medium", "Option '--example' takes small, large or both; 'medium' is not one.")]
    [InlineData("--graph graph.txt", "--graph must name a .dot, .gv, .mmd, .svg, .png or .pdf file, not 'graph.txt'.")]
    [InlineData("--cluster 65", "Option '--cluster' must be between 0 and 64; got 65.")]
    public void Bad_arguments_are_refused_with_a_message_naming_the_option_or_value(string commandLine, string expected)
    {
        var parse = CustomEtlCommandLine.Parse(commandLine.Split(' '));
        Assert.Contains(parse.Errors, error => error.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => CustomEtlCommandLine.Options(parse));
    }

    [Fact]
    public void Help_lists_every_option()
    {
        var output = new StringWriter();
        CustomEtlCommandLine.WriteHelp(output);

        foreach (string option in new[] { "--example", "--seed", "--time-scale", "--graph", "--trace", "--no-progress", "--cluster", "--dashboard" })
        {
            Assert.Contains(option, output.ToString(), StringComparison.Ordinal);
        }
    }

    private static CustomEtlOptions Parse(params string[] args) => CustomEtlCommandLine.Options(CustomEtlCommandLine.Parse(args));
}

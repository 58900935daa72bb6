using System;
using CustomEtl;
using Xunit;

namespace Samples.Tests.CustomEtl;

public sealed class CustomEtlOptionsTests
{
    [Fact]
    public void No_arguments_give_the_defaults()
        => Assert.Equal(CustomEtlOptions.Default, CustomEtlOptions.Parse(Array.Empty<string>()));

    [Fact]
    public void Flags_set_their_options()
    {
        var options = CustomEtlOptions.Parse(new[] { "--example", "large", "--seed", "7", "--time-scale", "0.5" });

        Assert.Equal(new[] { EtlExample.Large }, options.Examples);
        Assert.Equal(7, options.Seed);
        Assert.Equal(0.5, options.TimeScale);
    }

    [Fact]
    public void WatchFlagsSetTheirOptions()
    {
        var options = CustomEtlOptions.Parse(new[] { "--graph", "g.mmd", "--trace", "t.json", "--no-progress" });

        Assert.Equal("g.mmd", options.Graph);
        Assert.Equal("t.json", options.Trace);
        Assert.False(options.ShowProgress);
        Assert.True(CustomEtlOptions.Default.ShowProgress);
    }

    [Theory]
    [InlineData("--frobnicate", "Unknown argument '--frobnicate'")]
    [InlineData("--seed", "--seed needs a value")]
    [InlineData("--seed x", "--seed must be a number, not 'x'")]
    [InlineData("--time-scale -1", "--time-scale must be a finite number of at least 0, not '-1'")]
    [InlineData("--example medium", "--example must be small, large or both, not 'medium'")]
    [InlineData("--graph graph.txt", "--graph must name a .dot, .gv, .mmd, .svg, .png or .pdf file, not 'graph.txt'")]
    [InlineData("--graph --trace t.json", "--graph needs a value")]
    [InlineData("--cluster 0", "--cluster takes a whole number of workers from 1 to 64, not '0'")]
    public void Bad_arguments_are_refused_with_what_is_wrong(string commandLine, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => CustomEtlOptions.Parse(commandLine.Split(' ')));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}

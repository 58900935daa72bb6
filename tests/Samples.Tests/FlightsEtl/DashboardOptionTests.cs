using System.Linq;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

/// <summary>The flights job's <c>--dashboard [PORT]</c> option.</summary>
public sealed class DashboardOptionTests
{
    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "--dashboard" }, 8787)]
    [InlineData(new[] { "--dashboard", "0" }, 0)]
    [InlineData(new[] { "--dashboard", "9001", "--quiet" }, 9001)]
    public void The_option_takes_an_optional_port(string[] args, int? port)
        => Assert.Equal(port, FlightsCommandLine.Options(FlightsCommandLine.Parse(args)).DashboardPort);

    [Fact]
    public void A_bad_port_is_refused_naming_the_option()
    {
        var parse = FlightsCommandLine.Parse(new[] { "--dashboard", "x" });

        Assert.Equal("Option '--dashboard' takes a port between 0 and 65535; 'x' is not one.", parse.Errors.Single().Message);
    }
}

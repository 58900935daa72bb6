using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CustomEtl;
using Xunit;

namespace Samples.Tests.CustomEtl;

/// <summary>The sample's <c>--dashboard [PORT]</c> option.</summary>
public sealed class CustomEtlDashboardTests
{
    [Theory]
    [InlineData("--dashboard", 8787)]
    [InlineData("--dashboard 0", 0)]
    [InlineData("--dashboard 9001 --no-progress", 9001)]
    [InlineData("--dashboard --no-progress", 8787)]
    public void The_option_takes_an_optional_port(string commandLine, int port)
        => Assert.Equal(port, CustomEtlCommandLine.Options(CustomEtlCommandLine.Parse(commandLine.Split(' '))).DashboardPort);

    [Fact]
    public void Without_the_option_there_is_no_dashboard_and_a_bad_port_is_refused()
    {
        Assert.Null(CustomEtlOptions.Default.DashboardPort);
        var parse = CustomEtlCommandLine.Parse(new[] { "--dashboard", "70000" });
        Assert.Equal("Option '--dashboard' takes a port between 0 and 65535; '70000' is not one.", Assert.Single(parse.Errors).Message);
        Assert.Throws<ArgumentException>(() => CustomEtlCommandLine.Options(parse));
    }

    [Fact]
    public async Task The_job_prints_the_dashboards_address()
    {
        var output = new StringWriter();
        var options = new CustomEtlOptions(new[] { EtlExample.Small }, Seed: 42, TimeScale: 0) { DashboardPort = 0, ShowProgress = false };

        await CustomEtlJob.RunAsync(options, output, CancellationToken.None);

        Assert.Matches(@"^Dashboard: http://127\.0\.0\.1:[1-9][0-9]*/\r?$", output.ToString().Split('\n')[0]);
    }
}

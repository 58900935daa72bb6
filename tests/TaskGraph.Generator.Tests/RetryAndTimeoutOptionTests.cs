using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>
/// <c>[Delayed(Retries, RetryDelayMilliseconds, TimeoutMilliseconds)]</c> reach the method's descriptor; unset
/// options leave the descriptor as before; a negative one is TG0010.
/// </summary>
public class RetryAndTimeoutOptionTests
{
    [Fact]
    public void Options_reach_the_descriptor_and_unset_ones_stay_zero()
    {
        object? result = GeneratedCode.Run("""
            public static partial class Fetch
            {
                private const int Second = 1_000;
                [Delayed(Retries = 3, RetryDelayMilliseconds = 250, TimeoutMilliseconds = 5 * Second)] public static Task<string> PageAsync(string url, CancellationToken ct) => Task.FromResult(url);
                [Delayed(TimeoutMilliseconds = 100, Pure = true)] public static int Length(string text) => text.Length;
                [Delayed] public static int Plain(int value) => value;
            }

            public static class Program
            {
                public static string Run()
                {
                    static string Describe(DelayedNode node)
                    {
                        var m = node.Method!;
                        return $"{m.Name}:{m.Retries},{m.RetryDelayMilliseconds},{m.TimeoutMilliseconds},{m.Pure}";
                    }

                    return string.Join("|", Describe(Fetch.PageDelayed("u")), Describe(Fetch.LengthDelayed("t")), Describe(Fetch.PlainDelayed(1)));
                }
            }
            """);

        Assert.Equal("PageAsync:3,250,5000,False|Length:0,0,100,True|Plain:0,0,0,False", result);
    }

    [Fact]
    public void Only_set_options_are_written()
    {
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + """
            public static partial class Fetch
            {
                [Delayed(Retries = 2)] public static int Page(string url) => url.Length;
                [Delayed] public static int Plain(int value) => value;
            }
            """);

        string text = GeneratorAssert.SingleSource(run);
        Assert.Single(text.Split('\n'), line => System.Text.RegularExpressions.Regex.IsMatch(line.Trim(), @"^""M:Fetch\.Page\(System\.String\)\|Page\|url\|Value\|Retries=2\|Version=[0-9a-f]{16}"",$"));
        Assert.DoesNotContain("RetryDelayMilliseconds", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("TimeoutMilliseconds", text, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Retries = -1", "Retries is -1")]
    [InlineData("RetryDelayMilliseconds = -250", "RetryDelayMilliseconds is -250")]
    [InlineData("TimeoutMilliseconds = int.MinValue", "TimeoutMilliseconds is -2147483648")]
    public void TG0010_negative_option_gets_no_wrapper(string option, string message)
    {
        string source = GeneratorAssert.Usings + $$"""
            public static partial class Fetch
            {
                [Delayed({{option}})] public static int Page(string url) => url.Length;
                [Delayed(Retries = 1)] public static int Other(string url) => url.Length;
            }
            """;
        var run = GeneratorRun.Start(source);

        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TG0010", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(new TextSpan(source.IndexOf("Page(", System.StringComparison.Ordinal), "Page".Length), diagnostic.Location.SourceSpan);
        Assert.DoesNotContain(run.GeneratedSources.Values, text => text.Contains("PageDelayed", System.StringComparison.Ordinal));
        Assert.Contains(run.GeneratedSources.Values, text => text.Contains("OtherDelayed", System.StringComparison.Ordinal));
        Assert.True(run.OutputWarningsAndErrors.IsEmpty, TestCompilation.Describe(run.OutputWarningsAndErrors));
    }
}

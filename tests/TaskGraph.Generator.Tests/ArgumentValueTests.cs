using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>What the method receives through its wrapper is what a direct call gives it: null stays null, and caller info is the caller's.</summary>
public class ArgumentValueTests
{
    [Fact]
    public void A_null_argument_reaches_the_method_as_null_not_as_the_default()
    {
        object? result = GeneratedCode.Run("""
            public static partial class Steps
            {
                [Delayed] public static string Opt(string? text = "default") => text ?? "<null>";
                [Delayed] public static string Num(int? n = 5) => n?.ToString() ?? "<null>";
                [Delayed] public static string Two(int a, string? first = "f", string? second = "s") => $"{a}:{first ?? "<null>"}:{second ?? "<null>"}";
            }
            public static class Program
            {
                public static string Run()
                {
                    Delayed<string?> handle = Delayed.Value<string?>(null);
                    return string.Join(",",
                        Steps.OptDelayed(null).Compute(), Steps.Opt(null),
                        Steps.OptDelayed().Compute(), Steps.OptDelayed("x").Compute(), Steps.OptDelayed(handle).Compute(),
                        Steps.NumDelayed(null).Compute(), Steps.NumDelayed().Compute(), Steps.NumDelayed(7).Compute(),
                        Steps.TwoDelayed(1, "g", null).Compute(), Steps.TwoDelayed(1, null).Compute(), Steps.TwoDelayed(1).Compute());
                }
            }
            """);

        Assert.Equal("<null>,<null>,default,x,<null>,<null>,5,7,1:g:<null>,1:<null>:s,1:f:s", result);
    }

    [Fact]
    public void Caller_info_parameters_get_the_callers_values_through_the_wrapper()
    {
        object? result = GeneratedCode.Run("""
            using System.Runtime.CompilerServices;
            public static partial class Steps
            {
                [Delayed] public static string Where(int x, [CallerMemberName] string member = "", [CallerLineNumber] int line = 0, [CallerArgumentExpression("x")] string? expression = null, [CallerFilePath] string file = "")
                    => $"{member}:{line}:{expression}:{file.Length > 0}";
            }
            public static class Program
            {
                public static string Run()
                {
                    string direct = Steps.Where(1 + 1), lazy = Steps.WhereDelayed(1 + 1).Compute();
                    return direct + "|" + lazy;
                }
            }
            """);

        string[] parts = ((string)result!).Split('|');
        Assert.StartsWith("Run:", parts[0], System.StringComparison.Ordinal);
        Assert.Contains(":1 + 1:True", parts[0], System.StringComparison.Ordinal);
        Assert.Equal(parts[0], parts[1]);
    }

    [Fact]
    public void A_nullable_oblivious_method_gets_a_wrapper_that_takes_null_without_a_warning()
    {
        // Oblivious in, oblivious out: CS8625 at the call site before.
        object? result = GeneratedCode.Run("""
            #nullable disable
            public static partial class Legacy
            {
                [Delayed] public static string Echo(string text, string suffix = "!") => (text ?? "<null>") + suffix;
                [Delayed] public static int Count(List<string> items) => items?.Count ?? -1;
            }
            #nullable enable
            public static class Program
            {
                public static string Run() => $"{Legacy.EchoDelayed(null).Compute()}|{Legacy.EchoDelayed("a", null).Compute()}|{Legacy.CountDelayed((List<string>)null!).Compute()}";
            }
            """);

        Assert.Equal("<null>!|a|-1", result);
    }
}

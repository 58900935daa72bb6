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
    public void A_named_null_that_skips_an_earlier_optional_parameter_means_null_as_in_the_direct_call()
    {
        // TwoDelayed(1, second: null) gave the default "s": no overload taking a plain second left first optional.
        object? result = GeneratedCode.Run("""
            using System.Runtime.CompilerServices;
            public static partial class Steps
            {
                [Delayed] public static string Two(int a, string? first = "f", string? second = "s") => $"{a}:{first ?? "<null>"}:{second ?? "<null>"}";
                [Delayed] public static string Three(string? x = "x", int? y = 2, string? z = "z") => $"{x ?? "<null>"}:{y?.ToString() ?? "<null>"}:{z ?? "<null>"}";
                [Delayed] public static string Traced(int a, [CallerMemberName] string member = "", string? note = "n") => $"{a}:{member}:{note ?? "<null>"}";
            }
            public static class Program
            {
                public static string Run() => string.Join(",",
                    Steps.Two(1, second: null), Steps.TwoDelayed(1, second: null).Compute(),
                    Steps.Three(z: null), Steps.ThreeDelayed(z: null).Compute(),
                    Steps.Three(y: null, z: null), Steps.ThreeDelayed(y: null, z: null).Compute(),
                    Steps.Three(null, z: "q"), Steps.ThreeDelayed(null, z: "q").Compute(),
                    Steps.Traced(1, note: null), Steps.TracedDelayed(1, note: null).Compute());
            }
            """);

        Assert.Equal("1:f:<null>,1:f:<null>,x:2:<null>,x:2:<null>,x:<null>:<null>,x:<null>:<null>,<null>:2:q,<null>:2:q,1:Run:<null>,1:Run:<null>", result);
    }

    [Fact]
    public void A_generic_wrapper_infers_its_type_arguments_from_plain_values_as_the_method_does()
    {
        // IdDelayed(5) was CS0411: T cannot be inferred from int against Delayed<T>.
        object? result = GeneratedCode.Run("""
            public static partial class Steps
            {
                [Delayed] public static T Id<T>(T x) => x;
                [Delayed] public static string Pair<TFirst, TSecond>(TFirst a, TSecond b) => $"{a}/{b}";
                [Delayed] public static int Count<T>(List<T> items) => items.Count;
                [Delayed] public static string Join<T>(IEnumerable<T> items) => string.Join("+", items);
            }
            public static class Program
            {
                public static string Run()
                {
                    Delayed<int> five = Steps.IdDelayed(5);
                    Delayed<Delayed<int>> boxed = Steps.IdDelayed<Delayed<int>>(five);
                    Delayed<int> same = Steps.IdDelayed(five);
                    Delayed<string> pair = Steps.PairDelayed(1, "b"), mixed = Steps.PairDelayed(five, 'c'), handles = Steps.PairDelayed(five, Steps.IdDelayed("h"));
                    Delayed<int> count = Steps.CountDelayed(new List<string> { "a", "b" });
                    Delayed<string> joined = Steps.JoinDelayed(new[] { 1, 2, 3 }), joinedInterface = Steps.JoinDelayed((IEnumerable<int>)new List<int> { 4 });
                    return string.Join(",", five.Compute(), boxed.Compute().Compute(), same.Compute(), pair.Compute(), mixed.Compute(), handles.Compute(), count.Compute(), joined.Compute(), joinedInterface.Compute());
                }
            }
            """);

        Assert.Equal("5,5,5,1/b,5/c,5/h,2,1+2+3,4", result);
    }

    [Fact]
    public void A_generic_params_array_takes_plain_values_once_its_type_argument_is_written_as_the_docs_say()
    {
        // docs/diagnostics/TG1004.md: FirstDelayed(1, 2) does not infer T; FirstDelayed<int>(1, 2) compiles and means First(1, 2).
        object? result = GeneratedCode.Run("""
            public static partial class Steps
            {
                [Delayed] public static T First<T>(params T[] items) => items[0];
            }
            public static class Program
            {
                public static string Run() => string.Join(",", Steps.FirstDelayed<int>(1, 2).Compute(), Steps.First(1, 2));
            }
            """);

        Assert.Equal("1,1", result);
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

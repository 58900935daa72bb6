using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>
/// The generated registration: static methods run from their id and argument values alone, as another
/// process that loaded the assembly runs them; the methods that cannot are left out and say why.
/// Each test uses its own type names: the registry is process-wide and keeps the first descriptor of an id.
/// </summary>
public class RegistrationTests
{
    [Fact]
    public void Registered_methods_run_from_values_and_rebuild_nodes_from_nodes_and_values()
    {
        object? result = GeneratedCode.Run("""
            using TaskGraph.Execution;
            public sealed record Sample(double Value);
            public static partial class RegisteredEtl
            {
                [Delayed] public static Sample Scale(Sample sample, double factor) => new(sample.Value * factor);
                [Delayed] public static async Task<double> SumAsync(IReadOnlyList<Sample> samples, CancellationToken ct) { await Task.Yield(); return samples.Sum(s => s.Value); }
                [Delayed] public static void Touch(string name) { }
            }
            public static class Program
            {
                public static string Run()
                {
                    var scale = Find("M:RegisteredEtl.Scale(Sample,System.Double)");
                    var sum = Find("M:RegisteredEtl.SumAsync(System.Collections.Generic.IReadOnlyList{Sample},System.Threading.CancellationToken)");
                    var touch = Find("M:RegisteredEtl.Touch(System.String)");
                    object? scaled = scale.InvokeAsync(new object?[] { new Sample(2), 3.0 }, default).AsTask().GetAwaiter().GetResult();
                    object? total = sum.InvokeAsync(new object?[] { new[] { new Sample(1), new Sample(4) } }, default).AsTask().GetAwaiter().GetResult();
                    object? nothing = touch.InvokeAsync(new object?[] { "x" }, default).AsTask().GetAwaiter().GetResult();

                    // A node rebuilt from an argument node and a constant value computes like the wrapper's.
                    Delayed<Sample> input = new Sample(5);
                    var rebuilt = (Delayed<Sample>)scale.CreateNode(new object?[] { input, 2.0 });
                    return $"{scaled}|{total}|{nothing is Unit}|{rebuilt.Compute()}|{rebuilt.Method == scale}";
                }

                private static DelayedMethod Find(string id)
                    => DelayedMethods.TryGet(id, out var method) ? method : throw new InvalidOperationException(id + " is not registered");
            }
            """);
        Assert.Equal("Sample { Value = 6 }|5|True|Sample { Value = 10 }|True", result);
    }

    [Fact]
    public void Instance_generic_and_hidden_methods_are_not_registered_and_say_why()
    {
        object? result = GeneratedCode.Run("""
            using TaskGraph.Execution;
            public partial class UnregisteredService
            {
                [Delayed] public int Length(string text) => text.Length;
                [Delayed] public static T Echo<T>(T value) => value;
            }
            public partial class UnregisteredBox<T>
            {
                [Delayed] public static int Count(T[] items) => items.Length;
            }
            public partial class UnregisteredOuter
            {
                private partial class Hidden
                {
                    [Delayed] public static int Twice(int x) => 2 * x;
                    public static bool Registered() => DelayedMethods.TryGet("M:UnregisteredOuter.Hidden.Twice(System.Int32)", out _);
                }

                public static bool HiddenRegistered() => Hidden.Registered();
            }
            public static class Program
            {
                public static string Run()
                {
                    var service = new UnregisteredService();
                    var node = service.LengthDelayed("abc");
                    string error;
                    try { node.Method!.InvokeAsync(new object?[] { "abc" }, default); error = "none"; }
                    catch (InvalidOperationException e) { error = e.Message; }
                    return string.Join("|",
                        node.Method!.CanRunById,
                        DelayedMethods.TryGet("M:UnregisteredService.Length(System.String)", out _),
                        DelayedMethods.TryGet("M:UnregisteredService.Echo``1(``0)", out _),
                        DelayedMethods.TryGet("M:UnregisteredBox`1.Count(`0[])", out _),
                        UnregisteredOuter.HiddenRegistered(),
                        node.Compute(),
                        error);
                }
            }
            """);
        Assert.Equal(
            "False|False|False|False|False|3|UnregisteredService.Length (M:UnregisteredService.Length(System.String)) cannot run from its id: only static, non-generic [Delayed] methods of non-generic types visible to their assembly are registered (an instance method's 'this' does not travel; pass its state as an argument).",
            result);
    }

    [Fact]
    public void A_value_that_does_not_fit_its_parameter_is_named()
    {
        object? result = GeneratedCode.Run("""
            using TaskGraph.Execution;
            public static partial class MisfitEtl
            {
                [Delayed] public static int Half(int x) => x / 2;
            }
            public static class Program
            {
                public static string Run()
                {
                    DelayedMethods.TryGet("M:MisfitEtl.Half(System.Int32)", out var half);
                    try { half!.CreateNode(new object?[] { "four" }); return "none"; }
                    catch (InvalidCastException e) { return e.Message; }
                }
            }
            """);
        Assert.Equal("Argument 0 is a String, not a Int32.", result);
    }
}

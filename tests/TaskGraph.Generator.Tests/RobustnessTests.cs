using System.Linq;
using Microsoft.CodeAnalysis;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>The generator never throws, on code being typed, and never adds an error of its own to broken code.</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("public static partial class Etl { [Delayed] public static int Load(int x")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load(int x) => }")]
    [InlineData("public static partial class Etl { [Delayed] public static Missing Load(Unknown x) => default; }")]
    [InlineData("public static partial class Etl { [Delayed] public static List<Missing> Load(int[] x) => null!; }")]
    [InlineData("public static partial class Etl { [Delayed] public static T Load<T>(T x) where T : Missing => x; }")]
    [InlineData("public static partial class Etl { [Delayed(Pure = )] public static int Load() => 1; }")]
    [InlineData("public static partial class Etl { [Delayed(Nope = true)] public static int Load() => 1; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int () => 1; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load() => 1; [Delayed] public static int Load() => 2; }")]
    [InlineData("public static partial class Etl { [Delayed] partial void Load(int x); }")]
    [InlineData("public partial class Etl : Missing { [Delayed] public int Load(int x) => x; }")]
    [InlineData("[Delayed] public partial class Etl { }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load(int x = \"text\") => x; }")]
    [InlineData("public static partial class Etl { [Delayed] public static async Task Load(CancellationToken) { } }")]
    [InlineData("[Delayed] static int Top() => 1;")]
    [InlineData("public partial class { [Delayed] public static int Load() => 1; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Sum(IReadOnlyList<int> =>) => 1; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load(int ) => 1; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load<>(int x) => x; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load<T, >(T x) => 1; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Compare(int a, int a) => a; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load<T, T>(T x) => 1; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load<T>(T T) => 1; }")]
    [InlineData("public static partial class Etl { [Delayed] public static Delayed Load(int x) => null!; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load(Etl x) => 1; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load(List<Etl> x, Etl[] y) => 1; }")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load<T>(T x) where T : Etl => 1; }")]
    [InlineData("class Data { } public static partial class Etl { [Delayed] public static Data Load(Data x) => x; }")]
    [InlineData("public static partial class Etl { class Data { } [Delayed] public static List<Data> Load(int x) => null!; }")]
    [InlineData("public static partial class Etl { protected internal class Data { } [Delayed] public static int Load(Data[] x) => 1; }")]
    public void Broken_code_neither_throws_nor_gains_errors_in_generated_code(string source)
    {
        var run = GeneratorRun.Start(GeneratorAssert.Usings + source);

        Assert.Null(run.Result.Exception);
        var generatedTrees = run.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        var generatedProblems = run.Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .ToList();
        Assert.True(generatedProblems.Count == 0, TestCompilation.Describe(generatedProblems));
    }

    [Fact]
    public void A_type_nested_in_a_static_class_still_gets_wrapped()
    {
        // Static classes are refused in signatures; a type nested in one is an ordinary type.
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + "public static class Outer { public sealed class Inner { } } public static partial class Etl { [Delayed] public static Outer.Inner Load(Outer.Inner x, List<Outer.Inner> y) => x; }");

        Assert.Contains("LoadDelayed(", Assert.Single(run.GeneratedSources).Value);
    }

    [Fact]
    public void Internal_types_in_an_internal_method_still_get_wrapped()
    {
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + "class Data { } public static partial class Etl { private class Own { } [Delayed] internal static Data Load(Data x) => x; [Delayed] private static int Count(List<Own> x) => 1; }");

        Assert.Contains("CountDelayed(", Assert.Single(run.GeneratedSources).Value);
    }

    [Fact]
    public void Types_whose_full_names_differ_only_in_case_get_two_files()
    {
        // File systems, and AddSource, compare hint names ignoring case (CS8785 took every wrapper down).
        object? result = GeneratedCode.Run("""
            namespace Probe.Io { public static partial class Steps { [Delayed] public static int Load(int x) => x + 1; } }
            namespace Probe.IO { public static partial class Steps { [Delayed] public static int Load(int x) => x + 2; } }
            public static class Program
            {
                public static string Run() => $"{Probe.Io.Steps.LoadDelayed(1).Compute()}|{Probe.IO.Steps.LoadDelayed(1).Compute()}";
            }
            """);

        Assert.Equal("2|3", result);
    }

    [Fact]
    public void Code_without_the_runtime_is_ignored()
    {
        // Without a reference to TaskGraph, [Delayed] does not bind to TaskGraph.DelayedAttribute: nothing to do.
        var compilation = TestCompilation.Create("using System; [AttributeUsage(AttributeTargets.Method)] class DelayedAttribute : Attribute { } static partial class Etl { [Delayed] static int Load() => 1; }");
        var run = GeneratorRun.Start(compilation);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
    }
}

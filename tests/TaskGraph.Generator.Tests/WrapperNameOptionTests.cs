using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary><c>[Delayed(Name = ...)]</c>: the wrapper takes the name as written, so that methods whose default wrappers clash can both be wrapped.</summary>
public class WrapperNameOptionTests
{
    [Fact]
    public void Load_and_LoadAsync_both_get_wrappers_when_one_is_named()
    {
        object? result = GeneratedCode.Run("""
            public static partial class Io
            {
                [Delayed] public static string Load(string path) => "sync:" + path;
                [Delayed(Name = "LoadAsyncDelayed")] public static async Task<string> LoadAsync(string path, CancellationToken ct) { await Task.Yield(); return "async:" + path; }
            }
            public static class Program
            {
                public static string Run()
                {
                    var (a, b) = Delayed.Compute(Io.LoadDelayed("a"), Io.LoadAsyncDelayed("b"));
                    return a + "|" + b + "|" + Io.LoadAsyncDelayed("c").Method!.Name;
                }
            }
            """);

        Assert.Equal("sync:a|async:b|LoadAsync", result);
    }

    [Fact]
    public void A_named_wrapper_of_an_instance_method_in_a_nested_generic_type_runs()
    {
        object? result = GeneratedCode.Run("""
            public partial class Outer<T>
            {
                public partial class Scale
                {
                    private readonly int factor;
                    public Scale(int factor) => this.factor = factor;
                    [Delayed(Name = "Lazily")] public int Apply(int x) => x * factor;
                }
            }
            public static class Program
            {
                public static string Run() => new Outer<string>.Scale(3).Lazily(5).Compute().ToString();
            }
            """);

        Assert.Equal("15", result);
    }

    [Fact]
    public void The_default_name_is_not_written_when_the_wrapper_is_named()
    {
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + """
            public static partial class Io { [Delayed(Name = "Later")] public static int Load(int x) => x; }
            """);

        Assert.Contains("Later", GeneratorAssert.MethodNames(run, "Io"));
        Assert.DoesNotContain("LoadDelayed", GeneratorAssert.MethodNames(run, "Io"));
    }
}

using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>Wrappers in a derived type next to the wrappers of its base type: different parameters are overloads, and <c>new</c> hides.</summary>
public class InheritedWrapperTests
{
    [Fact]
    public void A_derived_overload_with_other_parameters_does_not_clash_with_the_base_wrapper()
    {
        // TG0005 "with the same parameters" before, for parameters that differ.
        object? result = GeneratedCode.Run("""
            public partial class Base { [Delayed] public int Overload(int x) => x + 1; }
            public partial class Derived : Base { [Delayed] public int Overload(string s) => s.Length; }
            public static class Program
            {
                public static string Run()
                {
                    var d = new Derived();
                    return $"{d.OverloadDelayed(1).Compute()}|{d.OverloadDelayed("four").Compute()}";
                }
            }
            """);

        Assert.Equal("2|4", result);
    }

    [Fact]
    public void A_new_method_hiding_a_delayed_base_method_gets_a_new_wrapper()
    {
        object? result = GeneratedCode.Run("""
            public partial class Base { [Delayed] public int Load(int x) => x + 1; }
            public partial class Derived : Base { [Delayed] public new int Load(int x) => x + 100; }
            public static class Program
            {
                public static string Run()
                {
                    var d = new Derived();
                    return $"{d.LoadDelayed(1).Compute()}|{((Base)d).LoadDelayed(1).Compute()}";
                }
            }
            """);

        Assert.Equal("101|2", result);
    }
}

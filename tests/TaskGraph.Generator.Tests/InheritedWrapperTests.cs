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

    [Fact]
    public void A_new_methods_overloads_are_new_exactly_where_they_hide_a_base_wrapper_overload()
    {
        // Every overload was written 'new' when the core hid: the plain-value overload of NullDefault.Opt hides nothing (CS0109).
        object? result = GeneratedCode.Run("""
            public partial class Base { [Delayed] public string Opt(string? text = "base") => "B:" + (text ?? "<null>"); }
            public partial class Derived : Base { [Delayed] public new string Opt(string? text = "derived") => "D:" + (text ?? "<null>"); }
            public partial class NullDefault { [Delayed] public string Opt(string? text = null) => "N:" + (text ?? "<null>"); }
            public partial class TextDefault : NullDefault { [Delayed] public new string Opt(string? text = "text") => "T:" + (text ?? "<null>"); }
            public static class Program
            {
                public static string Run()
                {
                    var d = new Derived();
                    var t = new TextDefault();
                    return string.Join(",",
                        d.OptDelayed(null).Compute(), d.OptDelayed().Compute(), ((Base)d).OptDelayed(null).Compute(), ((Base)d).OptDelayed().Compute(),
                        t.OptDelayed(null).Compute(), t.OptDelayed().Compute(), ((NullDefault)t).OptDelayed().Compute());
                }
            }
            """);

        Assert.Equal("D:<null>,D:derived,B:<null>,B:base,T:<null>,T:text,N:<null>", result);
    }

    [Fact]
    public void A_derived_extra_overload_with_the_signature_of_a_base_extra_overload_is_left_out()
    {
        // Both take a plain interface value as FDelayed<T>(T): the derived one hid the base's without 'new' (CS0108).
        // Left out, a call still binds as the direct call does: the derived type's applicable wrapper first.
        object? result = GeneratedCode.Run("""
            public interface IShape { int Sides { get; } }
            public interface INamed { string Name { get; } }
            public sealed class Square : IShape, INamed { public int Sides => 4; public string Name => "square"; }
            public partial class Base { [Delayed] public string Describe(IShape shape) => "B:" + shape.Sides; }
            public partial class Derived : Base { [Delayed] public string Describe(INamed named) => "D:" + named.Name; }
            public static class Program
            {
                public static string Run()
                {
                    var d = new Derived();
                    IShape shape = new Square();
                    return string.Join(",", d.Describe(new Square()), d.DescribeDelayed(new Square()).Compute(), d.Describe(shape), d.DescribeDelayed(shape).Compute());
                }
            }
            """);

        Assert.Equal("D:square,D:square,B:4,B:4", result);
    }
}

using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>
/// Every method shape the generator handles, each compiled with the generated code and a few calls of the
/// wrappers (so that overload resolution is exercised too) under nullable, with zero warnings.
/// </summary>
public class MethodShapeTests
{
    public static TheoryData<string> ShapeNames => new(Shapes.Keys);

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Shape_compiles_without_warnings(string shape)
    {
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + Shapes[shape]);
        Assert.NotEmpty(run.GeneratedSources);
    }

    private static readonly Dictionary<string, string> Shapes = new()
    {
        ["static value method"] = """
            namespace Ns;
            public sealed class Data { }
            public static partial class Etl
            {
                [Delayed] public static Data Process(Data data, Data reference) => data;
            }
            static class Use { static void Run(Data d) { Delayed<Data> x = Etl.ProcessDelayed(d, Etl.ProcessDelayed(d, d)); _ = x; } }
            """,
        ["instance method of a class"] = """
            namespace Ns;
            public partial class Counter
            {
                private int total;
                [Delayed] public int Add(int value) => total += value;
            }
            static class Use { static void Run() { _ = new Counter().AddDelayed(2); } }
            """,
        ["instance method of a struct, a readonly struct and record structs"] = """
            namespace Ns;
            public partial struct Point { public int X; [Delayed] public int Shift(int by) => X + by; }
            public readonly partial struct Frozen { [Delayed] public int Twice(int x) => 2 * x; }
            public partial record struct Pair(int A, int B) { [Delayed] public int Sum() => A + B; }
            public readonly partial record struct Single(int A) { [Delayed] public int Get() => A; }
            static class Use { static void Run() { _ = new Point().ShiftDelayed(1); _ = new Frozen().TwiceDelayed(1); _ = new Pair(1, 2).SumDelayed(); _ = new Single(1).GetDelayed(); } }
            """,
        ["records and abstract classes"] = """
            namespace Ns;
            public partial record Person(string Name) { [Delayed] public string Greet(string greeting) => greeting + Name; }
            public abstract partial class Shape { [Delayed] public abstract double Area(double scale); }
            public sealed partial class Square : Shape { public override double Area(double scale) => scale; [Delayed] public double Side() => 1; }
            static class Use { static void Run(Shape s) { _ = new Person("a").GreetDelayed("hi"); _ = s.AreaDelayed(2.0); } }
            """,
        ["async results: Task<T>, ValueTask<T>, Task, ValueTask, void"] = """
            namespace Ns;
            public static partial class Io
            {
                [Delayed] public static async Task<string> ReadAsync(string path) { await Task.Yield(); return path; }
                [Delayed] public static ValueTask<int> CountAsync(string path) => new(path.Length);
                [Delayed] public static Task WriteAsync(string path) => Task.CompletedTask;
                [Delayed] public static ValueTask FlushAsync() => default;
                [Delayed] public static void Log(string message) { }
                [Delayed] public static Task<string?>? MaybeAsync() => null;
            }
            static class Use
            {
                static void Run()
                {
                    Delayed<string> a = Io.ReadDelayed("p");
                    Delayed<int> b = Io.CountDelayed(a);
                    Delayed<Unit> c = Io.WriteDelayed(a);
                    Delayed<Unit> d = Io.FlushDelayed();
                    Delayed<Unit> e = Io.LogDelayed("m");
                    Delayed<string?> f = Io.MaybeDelayed();
                    _ = (b, c, d, e, f);
                }
            }
            """,
        ["cancellation token parameters, anywhere and optional"] = """
            namespace Ns;
            public static partial class Io
            {
                [Delayed] public static Task<int> FirstAsync(CancellationToken ct, string path) => Task.FromResult(path.Length);
                [Delayed] public static int Middle(int a, CancellationToken token, int b) => a + b;
                [Delayed] public static int Last(int a, CancellationToken cancellationToken = default) => a;
                [Delayed] public static int Two(CancellationToken a, CancellationToken b) => 0;
            }
            static class Use { static void Run() { _ = Io.FirstDelayed("p"); _ = Io.MiddleDelayed(1, 2); _ = Io.LastDelayed(1); _ = Io.TwoDelayed(); } }
            """,
        ["collection parameters of every shape"] = """
            namespace Ns;
            public static partial class Stats
            {
                [Delayed] public static int FromArray(int[] values) => values.Length;
                [Delayed] public static int FromList(List<int> values) => values.Count;
                [Delayed] public static double FromReadOnlyList(IReadOnlyList<double> scores) => scores.Count;
                [Delayed] public static int FromReadOnlyCollection(IReadOnlyCollection<string> names) => names.Count;
                [Delayed] public static int FromEnumerable(IEnumerable<long> values) => 0;
                [Delayed] public static int FromNullable(int[]? values, List<string?>? names) => 0;
            }
            static class Use
            {
                static void Run(List<Delayed<int>> ints, Delayed<double>[] doubles, IEnumerable<Delayed<string>> names)
                {
                    _ = Stats.FromArrayDelayed(ints);
                    _ = Stats.FromArrayDelayed(new[] { 1, 2 });
                    _ = Stats.FromListDelayed(ints);
                    _ = Stats.FromListDelayed(new List<int>());
                    _ = Stats.FromReadOnlyListDelayed(doubles);
                    _ = Stats.FromReadOnlyListDelayed(new[] { 1.0 });
                    _ = Stats.FromReadOnlyListDelayed((IReadOnlyList<double>)new[] { 1.0 });
                    _ = Stats.FromReadOnlyCollectionDelayed(names);
                    _ = Stats.FromEnumerableDelayed(new List<Delayed<long>>());
                    _ = Stats.FromNullableDelayed(ints, new List<Delayed<string?>>());
                    _ = Stats.FromNullableDelayed((int[]?)null, (List<string?>?)null);
                }
            }
            """,
        ["three collection parameters: every combination"] = """
            namespace Ns;
            public static partial class Join
            {
                [Delayed] public static int Three(int[] a, List<string> b, IEnumerable<double> c) => 0;
            }
            static class Use
            {
                static void Run(List<Delayed<int>> a, List<Delayed<string>> b, List<Delayed<double>> c, Delayed<int[]> ha, Delayed<List<string>> hb, Delayed<IEnumerable<double>> hc)
                {
                    _ = Join.ThreeDelayed(a, b, c);
                    _ = Join.ThreeDelayed(ha, b, c);
                    _ = Join.ThreeDelayed(a, hb, c);
                    _ = Join.ThreeDelayed(a, b, hc);
                    _ = Join.ThreeDelayed(ha, hb, c);
                    _ = Join.ThreeDelayed(ha, b, hc);
                    _ = Join.ThreeDelayed(a, hb, hc);
                    _ = Join.ThreeDelayed(ha, hb, hc);
                }
            }
            """,
        ["four collection parameters: all handles or all sequences"] = """
            namespace Ns;
            public static partial class Join
            {
                [Delayed] public static int Four(int[] a, int[] b, int[] c, int[] d) => 0;
            }
            static class Use
            {
                static void Run(List<Delayed<int>> s, Delayed<int[]> h)
                {
                    _ = Join.FourDelayed(s, s, s, s);
                    _ = Join.FourDelayed(h, h, h, h);
                    _ = Join.FourDelayed(new[] { 1 }, new[] { 2 }, h, h);
                }
            }
            """,
        ["interface-typed parameters take plain values"] = """
            namespace Ns;
            public interface IShape { double Area { get; } }
            public sealed class Circle : IShape { public double Area => 3; }
            public static partial class Geometry
            {
                [Delayed] public static double Measure(IShape shape) => shape.Area;
                [Delayed] public static int Dispose(IDisposable? resource) => 0;
            }
            static class Use
            {
                static void Run(Delayed<IShape> handle, IShape shape)
                {
                    _ = Geometry.MeasureDelayed(new Circle());
                    _ = Geometry.MeasureDelayed(shape);
                    _ = Geometry.MeasureDelayed(handle);
                    _ = Geometry.DisposeDelayed((IDisposable?)null);
                    _ = Geometry.DisposeDelayed(new System.IO.MemoryStream());
                }
            }
            """,
        ["generic methods with constraints"] = """
            namespace Ns;
            public interface IKeyed { int Key { get; } }
            public static partial class Generic
            {
                [Delayed] public static T Identity<T>(T value) => value;
                [Delayed] public static T Create<T>() where T : class, new() => new T();
                [Delayed] public static TOut Convert<TIn, TOut>(TIn value, Func<TIn, TOut> map) where TIn : struct where TOut : notnull => map(value);
                [Delayed] public static int Size<T>(T value) where T : unmanaged => 0;
                [Delayed] public static string? Name<T>(T? value) where T : class? => null;
                [Delayed] public static int Key<T>(T item) where T : IKeyed, IComparable<T> => item.Key;
                [Delayed] public static int Count<T>(T[] items, IReadOnlyList<T> more) => items.Length + more.Count;
                [Delayed] public static T? Default<T>(T? fallback = default) where T : struct => fallback;
            }
            static class Use
            {
                static void Run(List<Delayed<int>> ints)
                {
                    _ = Generic.IdentityDelayed<int>(1);
                    _ = Generic.CreateDelayed<object>();
                    _ = Generic.ConvertDelayed<int, string>(1, (Func<int, string>)(i => i.ToString()));
                    _ = Generic.CountDelayed(ints, ints);
                    _ = Generic.DefaultDelayed<int>();
                }
            }
            """,
        ["overloads get distinct descriptors"] = """
            namespace Ns;
            public static partial class Over
            {
                [Delayed] public static int Parse(string text) => 0;
                [Delayed] public static int Parse(string text, int radix) => 0;
                [Delayed] public static Task<int> ParseAsync(int[] digits) => Task.FromResult(0);
                [Delayed] public static int Parse(List<int> digits) => 0;
            }
            static class Use { static void Run(List<Delayed<int>> d) { _ = Over.ParseDelayed("1"); _ = Over.ParseDelayed("1", 2); _ = Over.ParseDelayed(new[] { 1 }); _ = Over.ParseDelayed(new List<int>()); _ = Over.ParseDelayed(d); } }
            """,
        ["optional parameters with every kind of default"] = """
            namespace Ns;
            public enum Mode { A, B = 5, Negative = -2 }
            [Flags] public enum Bits : byte { None = 0, One = 1, Two = 2 }
            public struct Options { public int Level; }
            public static partial class Defaults
            {
                [Delayed] public static int Text(string s = "quote\" backslash\\ newline\n tab\t unicode\u00e9", string? n = null, char c = '\'', char z = '\0') => 0;
                [Delayed] public static int Numbers(int i = -1, long l = long.MinValue, ulong u = ulong.MaxValue, byte b = 255, sbyte sb = -128, short s = -5, ushort us = 7, uint ui = 4000000000) => 0;
                [Delayed] public static int Reals(decimal m = 1.50m, float f = 1.5f, double d = 0.1, double nan = double.NaN, double inf = double.PositiveInfinity, float ninf = float.NegativeInfinity, double big = 1e300, float small = 1e-30f) => 0;
                [Delayed] public static int Enums(Mode m = Mode.B, Mode n = Mode.Negative, Bits bits = Bits.One | Bits.Two, Mode? maybe = Mode.B, Mode? none = null) => 0;
                [Delayed] public static int Others(bool flag = true, int? maybe = 5, int? none = null, Options options = default, DateTime when = default, object? o = null) => 0;
                [Delayed] public static T Generic<T>(T value = default!) => value;
                [Delayed] public static int Optional([System.Runtime.InteropServices.Optional] int x, int y = 2) => x + y;
            }
            static class Use { static void Run() { _ = Defaults.TextDelayed(); _ = Defaults.TextDelayed("a", c: 'x'); _ = Defaults.NumbersDelayed(); _ = Defaults.RealsDelayed(); _ = Defaults.EnumsDelayed(); _ = Defaults.OthersDelayed(); _ = Defaults.GenericDelayed<int>(); _ = Defaults.OptionalDelayed(); } }
            """,
        ["params arrays"] = """
            namespace Ns;
            public static partial class Many
            {
                [Delayed] public static int Sum(params int[] values) => values.Length;
                [Delayed] public static int Join(string separator = ",", params string?[] parts) => parts.Length;
            }
            static class Use
            {
                static void Run(Delayed<int> a, Delayed<int[]> all)
                {
                    _ = Many.SumDelayed(1, 2, a);
                    _ = Many.SumDelayed();
                    _ = Many.SumDelayed(all);
                    _ = Many.SumDelayed(new[] { 1, 2 });
                    _ = Many.JoinDelayed(";", "a", (string?)null);
                    _ = Many.JoinDelayed();
                }
            }
            """,
        ["nullable annotations are kept"] = """
            namespace Ns;
            public static partial class Maybe
            {
                [Delayed] public static string? Find(string? key, List<string?> values, Dictionary<string, object?>? map) => key;
                [Delayed] public static int? Length(string? s) => s?.Length;
            }
            static class Use { static void Run() { Delayed<string?> found = Maybe.FindDelayed((string?)null, new List<string?>(), (Dictionary<string, object?>?)null); Delayed<int?> n = Maybe.LengthDelayed(found); _ = n; } }
            """,
        ["nested and generic containing types"] = """
            namespace Ns;
            public partial class Outer<T> where T : class
            {
                public partial struct Middle<U>
                {
                    internal static partial class Inner
                    {
                        [Delayed] public static T? Pick(U key, T? fallback) => fallback;
                    }
                }

                public partial record Rec
                {
                    [Delayed] public T Echo(T value) => value;
                }
            }
            static class Use { static void Run() { _ = Outer<string>.Middle<int>.Inner.PickDelayed(1, "x"); } }
            """,
        ["block, nested and global namespaces"] = """
            namespace A.B
            {
                namespace C
                {
                    public static partial class Deep { [Delayed] public static int M() => 1; }
                }
            }

            public static partial class Global { [Delayed] public static int M() => 1; }

            static class Use { static void Run() { _ = A.B.C.Deep.MDelayed(); _ = Global.MDelayed(); } }
            """,
        ["keyword identifiers"] = """
            namespace @event.@class;
            public partial class @object
            {
                [Delayed] public static int @int(int @event, string @class, params int[] @params) => @event;
                [Delayed] public int @return<@in>(@in @base) where @in : notnull => 0;
                [Delayed] public static Task<int> @doAsync(int @default = 1) => Task.FromResult(@default);
            }
            static class Use { static void Run() { _ = @object.intDelayed(1, "c", 2, 3); _ = new @object().returnDelayed<int>(1); _ = @object.doDelayed(); } }
            """,
        ["accessibility is mirrored"] = """
            namespace Ns;
            public partial class Access
            {
                private sealed class Secret { }
                [Delayed] private static Secret Hidden(Secret s) => s;
                [Delayed] protected static int Family(int x) => x;
                [Delayed] internal static int Assembly(int x) => x;
                [Delayed] protected internal static int Either(int x) => x;
                [Delayed] private protected static int Both(int x) => x;
                [Delayed] public static int Open(int x) => x;
                internal void Touch() { _ = HiddenDelayed(new Secret()); }
            }
            """,
        ["extension methods become extensions on handles"] = """
            namespace Ns;
            public static partial class Ext
            {
                [Delayed] public static int Twice(this int x) => 2 * x;
                [Delayed] public static int Total(this IEnumerable<int> values) => 0;
            }
            static class Use
            {
                static void Run(Delayed<int> h, List<Delayed<int>> many)
                {
                    _ = h.TwiceDelayed();
                    _ = Ext.TwiceDelayed(3);
                    _ = many.TotalDelayed();
                }
            }
            """,
        ["tuples, arrays of arrays, dynamic, nullable structs and delegates"] = """
            namespace Ns;
            public struct Money { public decimal Amount; }
            public static partial class Odd
            {
                [Delayed] public static (int Count, string Name) Tuple((int a, string b) pair) => pair;
                [Delayed] public static int Jagged(int[][] rows, int[,] grid) => 0;
                [Delayed] public static dynamic Dyn(dynamic value) => value;
                [Delayed] public static Money? Cash(Money? money) => money;
                [Delayed] public static Func<int, int> Compose(Func<int, int> f, Action? log) => f;
            }
            static class Use { static void Run() { _ = Odd.TupleDelayed((1, "x")); _ = Odd.CashDelayed((Money?)null); } }
            """,
        ["obsolete methods give obsolete wrappers"] = """
            namespace Ns;
            public static partial class Old
            {
                [Obsolete("Use New")] [Delayed] public static int Legacy(int x) => x;
                [Delayed] public static int New(int x) => x;
            }
            """,
        ["containers inside an interface and a ref struct"] = """
            namespace Ns;
            public partial interface IHost<T>
            {
                public partial class Impl { [Delayed] public static int M(int x) => x; }
            }
            public ref partial struct Buffer
            {
                [Delayed] public static int Size(int x) => x;
            }
            static class Use { static void Run() { _ = IHost<string>.Impl.MDelayed(1); _ = Buffer.SizeDelayed(1); } }
            """,
        ["names the generator uses internally are free for users"] = """
            namespace Ns;
            public partial struct Names
            {
                private static int __Go_Method = 0;
                private static int __Methods = 0;
                [Delayed] public int Go(int __args, int __ct, int __self, int args, int ct) => __args + __Go_Method + __Methods;
                [Delayed] public static int Gen<__args>(__args value) => 0;
            }
            public static partial class Suffixes
            {
                [Delayed] public static int Async() => 0;
                [Delayed] public static int Delayed() => 0;
            }
            static class Use { static void Run() { _ = new Names().GoDelayed(1, 2, 3, 4, 5); _ = Suffixes.AsyncDelayed(); _ = Suffixes.DelayedDelayed(); } }
            """,
        ["partial methods, marked on either part"] = """
            namespace Ns;
            public partial class Parts
            {
                public partial int Defined(int x);
                [Delayed] public partial int Defined(int x) => x;
                [Delayed] public partial int Implemented(int x);
                public partial int Implemented(int x) => x;
                [Delayed] partial void Hook(string message);
            }
            static class Use { static void Run(Parts p) { _ = p.DefinedDelayed(1); _ = p.ImplementedDelayed(2); } }
            """,
        ["partial type spread over several declarations and base and derived types"] = """
            namespace Ns;
            public partial class Base { [Delayed] public virtual int Load(int x) => x; }
            public partial class Base { [Delayed] public int Save(int x) => x; }
            public partial class Derived : Base { [Delayed] public int Transform(int x) => x; }
            static class Use { static void Run() { _ = new Derived().LoadDelayed(1); _ = new Derived().TransformDelayed(2); } }
            """,
    };
}

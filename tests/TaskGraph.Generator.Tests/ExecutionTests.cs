using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>
/// Generated wrappers run: each test builds a graph through the wrappers, computes it on the runtime and
/// compares with calling the methods directly (or with what the graph must have seen).
/// </summary>
public class ExecutionTests
{
    [Fact]
    public void The_issue_example_computes_through_async_loads_and_a_list_of_handles()
    {
        object? result = GeneratedCode.Run("""
            public sealed record Data(double Value);
            public static partial class Etl
            {
                [Delayed] public static async Task<Data> LoadAsync(string path, CancellationToken ct) { await Task.Yield(); return new Data(path.Length); }
                [Delayed] public static Data Process(Data data, Data reference) => new(data.Value * 2 + reference.Value);
                [Delayed] public static double Compare(Data a, Data b) => a.Value - b.Value;
                [Delayed] public static double Reduction(IReadOnlyList<double> scores) => scores.Max();
            }
            public static class Program
            {
                public static string Run()
                {
                    var files = new[] { "a", "bb", "ccc", "dddd" };
                    Delayed<Data> reference = new Data(1);
                    var processed = files.Select(f => Etl.ProcessDelayed(Etl.LoadDelayed(f), reference)).ToList();
                    var compared = processed.Skip(1).Select((p, i) => Etl.CompareDelayed(p, processed[i])).ToList();
                    Delayed<double> best = Etl.ReductionDelayed(compared);

                    var direct = files.Select(f => Etl.Process(new Data(f.Length), new Data(1))).ToList();
                    double expected = Etl.Reduction(direct.Skip(1).Select((p, i) => Etl.Compare(p, direct[i])).ToList());
                    return $"{best.ComputeAsync().GetAwaiter().GetResult()}|{expected}";
                }
            }
            """);
        Assert.Equal("2|2", result);
    }

    [Fact]
    public void Every_result_kind_runs_and_unit_results_come_back()
    {
        object? result = GeneratedCode.Run("""
            using System.Collections.Concurrent;
            public static partial class Kinds
            {
                public static readonly ConcurrentQueue<string> Calls = new();
                [Delayed] public static void Log(string m) => Calls.Enqueue("void:" + m);
                [Delayed] public static async Task WriteAsync(string m) { await Task.Yield(); Calls.Enqueue("task:" + m); }
                [Delayed] public static ValueTask FlushAsync(string m) { Calls.Enqueue("valuetask:" + m); return default; }
                [Delayed] public static ValueTask<int> CountAsync(string m) => new(m.Length);
                [Delayed] public static async Task<string> EchoAsync(string m) { await Task.Delay(1); return m + "!"; }
            }
            public static class Program
            {
                public static string Run()
                {
                    var options = new ComputeOptions { Scheduler = ComputeScheduler.Synchronous };
                    var (a, b, c) = Delayed.Compute(Kinds.LogDelayed("x"), Kinds.WriteDelayed("y"), Kinds.FlushDelayed("z"), options);
                    var (n, e) = Delayed.Compute(Kinds.CountDelayed("four"), Kinds.EchoDelayed("hi"), options);
                    var calls = string.Join(",", Kinds.Calls.OrderBy(s => s));
                    return $"{a}{b}{c}|{n}|{e}|{calls}";
                }
            }
            """);
        Assert.Equal("()()()|4|hi!|task:y,valuetask:z,void:x", result);
    }

    [Fact]
    public void The_compute_token_reaches_the_cancellation_token_parameter()
    {
        object? result = GeneratedCode.Run("""
            public static partial class Waits
            {
                public static readonly TaskCompletionSource Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
                [Delayed] public static async Task<int> WaitAsync(int value, CancellationToken ct)
                {
                    Started.SetResult();
                    await Task.Delay(Timeout.Infinite, ct);
                    return value;
                }
            }
            public static class Program
            {
                public static string Run()
                {
                    using var source = new CancellationTokenSource();
                    Task<int> compute = Waits.WaitDelayed(1).ComputeAsync(source.Token);
                    if (!Waits.Started.Task.Wait(TimeSpan.FromSeconds(30))) return "never started";
                    source.Cancel();
                    try
                    {
                        if (!compute.Wait(TimeSpan.FromSeconds(30))) return "never ended";
                        return "completed";
                    }
                    catch (AggregateException e) when (e.InnerException is OperationCanceledException)
                    {
                        return "canceled";
                    }
                }
            }
            """);
        Assert.Equal("canceled", result);
    }

    [Fact]
    public void Collections_take_sequences_of_handles_params_and_plain_values()
    {
        object? result = GeneratedCode.Run("""
            public static partial class Stats
            {
                [Delayed] public static int Array(int[] v) => v.Sum();
                [Delayed] public static int List(List<int> v) => v.Sum() * 10;
                [Delayed] public static int ReadOnlyList(IReadOnlyList<int> v) => v[v.Count - 1];
                [Delayed] public static int ReadOnlyCollection(IReadOnlyCollection<int> v) => v.Count;
                [Delayed] public static int Enumerable(IEnumerable<int> v) => v.Min();
                [Delayed] public static string Join(string separator = "+", params int[] values) => string.Join(separator, values);
                [Delayed] public static int Both(int[] a, IReadOnlyList<int> b) => a.Length * 100 + b.Count;
            }
            public static class Program
            {
                public static string Run()
                {
                    var handles = new List<Delayed<int>> { 3, Stats.ArrayDelayed(new[] { 1, 1 }), 5 };
                    IReadOnlyList<int> plain = new[] { 7, 8, 9 };
                    var parts = new object[]
                    {
                        Stats.ArrayDelayed(handles).Compute(),
                        Stats.ListDelayed(handles).Compute(),
                        Stats.ReadOnlyListDelayed(handles).Compute(),
                        Stats.ReadOnlyListDelayed(plain).Compute(),
                        Stats.ReadOnlyCollectionDelayed(handles).Compute(),
                        Stats.EnumerableDelayed(handles).Compute(),
                        Stats.JoinDelayed("-", 1, Stats.ArrayDelayed(new[] { 2 }), 3).Compute(),
                        Stats.JoinDelayed().Compute(),
                        Stats.BothDelayed(handles, plain).Compute(),
                    };
                    return string.Join("|", parts);
                }
            }
            """);
        Assert.Equal("10|100|5|9|3|2|1-2-3||303", result);
    }

    [Fact]
    public void Defaults_reach_the_method_exactly_as_a_direct_call_passes_them()
    {
        object? result = GeneratedCode.Run("""
            using System.Globalization;
            public enum Mode { A, B = 5, Negative = -2 }
            public static partial class Defaults
            {
                [Delayed] public static string All(
                    string s = "quote\" backslash\\ newline\n unicode\u00e9", string? n = null, char c = '\'', Mode m = Mode.B, Mode neg = Mode.Negative,
                    decimal d = 1.50m, double x = double.NaN, double y = 0.1, float f = -1.5e-3f, long l = long.MinValue, ulong u = ulong.MaxValue,
                    int? maybe = 4, int? none = null, bool flag = true, DateTime when = default)
                    => string.Join("|", new object?[] { s, n ?? "null", c, m, neg, d, x, y, f, l, u, maybe, none ?? -1, flag, when.Ticks }
                        .Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)));
            }
            public static class Program
            {
                public static string Run() => Defaults.AllDelayed().Compute() + "\n==\n" + Defaults.All();
            }
            """);
        string[] halves = ((string)result!).Split("\n==\n");
        Assert.Equal(halves[1], halves[0]);
        Assert.Contains("1.50|NaN|0.1|-0.0015|-9223372036854775808|18446744073709551615|4|-1|True|0", halves[0], System.StringComparison.Ordinal);
    }

    [Fact]
    public void Generic_nested_keyword_and_extension_wrappers_call_the_right_methods()
    {
        object? result = GeneratedCode.Run("""
            namespace @event
            {
                public partial class Outer<T> where T : notnull
                {
                    public partial struct Inner<U>
                    {
                        [Delayed] public static string Pair<V>(T t, U u, V v) => $"{t}/{u}/{v}";
                    }
                }

                public static partial class @static
                {
                    [Delayed] public static int @int(this int @class, int @params = 2) => @class * @params;
                }
            }

            public static class Program
            {
                public static string Run()
                {
                    Delayed<int> three = 3;
                    var pair = @event.Outer<string>.Inner<int>.PairDelayed<double>("a", 1, 2.5);
                    return $"{pair.Compute()}|{three.intDelayed().Compute()}|{@event.@static.intDelayed(4, 5).Compute()}";
                }
            }
            """.Insert(0, "using @event;\n"));
        Assert.Equal("a/1/2.5|6|20", result);
    }

    [Fact]
    public void Instance_wrappers_call_the_instance_and_struct_wrappers_a_copy()
    {
        object? result = GeneratedCode.Run("""
            public partial class Counter
            {
                public int Total;
                [Delayed] public int Add(int value) => Total += value;
            }
            public partial struct Point
            {
                public int X;
                [Delayed] public int Shift(int by) => X + by;
            }
            public static class Program
            {
                public static string Run()
                {
                    var counter = new Counter();
                    var options = new ComputeOptions { Scheduler = ComputeScheduler.Synchronous };
                    int last = counter.AddDelayed(counter.AddDelayed(5)).Compute(options);
                    var point = new Point { X = 1 };
                    var shifted = point.ShiftDelayed(2);
                    point.X = 100;
                    return $"{last}|{counter.Total}|{shifted.Compute()}";
                }
            }
            """);

        // 5 then 5 + 5: the same instance twice; the struct task ran on the copy made at the wrapper call.
        Assert.Equal("10|10|3", result);
    }

    [Fact]
    public void Descriptors_describe_each_method_and_overload()
    {
        object? result = GeneratedCode.Run("""
            namespace Ns
            {
                public static partial class Etl
                {
                    [Delayed(Pure = true)] public static int Parse(string text, CancellationToken ct) => text.Length;
                    [Delayed(Blocking = true)] public static Task<int> ParseAsync(string text, int radix) => Task.FromResult(radix);
                    [Delayed] public static void Save(int value) { }
                }
            }

            public static class Program
            {
                public static string Run()
                {
                    static string Describe(DelayedNode node)
                    {
                        var m = node.Method!;
                        return $"{m.Id};{m.Name};{m.ContainingType};{string.Join(",", m.ParameterNames)};{m.ResultKind};{m.Pure};{m.Blocking}";
                    }

                    return string.Join("\n", Describe(Ns.Etl.ParseDelayed("x")), Describe(Ns.Etl.ParseDelayed("x", 2)), Describe(Ns.Etl.SaveDelayed(1)));
                }
            }
            """);
        Assert.Equal(
            """
            M:Ns.Etl.Parse(System.String,System.Threading.CancellationToken);Parse;Ns.Etl;text;Value;True;False
            M:Ns.Etl.ParseAsync(System.String,System.Int32);ParseAsync;Ns.Etl;text,radix;TaskOfResult;False;True
            M:Ns.Etl.Save(System.Int32);Save;Ns.Etl;value;Void;False;False
            """.Replace("\r\n", "\n", System.StringComparison.Ordinal),
            result);
    }

    [Fact]
    public void Interface_parameters_take_interface_typed_values_class_values_and_handles()
    {
        object? result = GeneratedCode.Run("""
            public interface IShape { double Area { get; } }
            public sealed class Square(double side) : IShape { public double Area => side * side; }
            public static partial class Geometry
            {
                [Delayed] public static double Measure(IShape shape) => shape.Area;
            }
            public static class Program
            {
                public static string Run()
                {
                    IShape asInterface = new Square(2);
                    Delayed<IShape> handle = Delayed.Value<IShape>(new Square(3));
                    var (a, b, c) = Delayed.Compute(Geometry.MeasureDelayed(asInterface), Geometry.MeasureDelayed(new Square(1)), Geometry.MeasureDelayed(handle));
                    return $"{a}|{b}|{c}";
                }
            }
            """);
        Assert.Equal("4|1|9", result);
    }
}

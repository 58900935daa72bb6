using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class DelayedValueOfCallFixerTests
{
    [Fact]
    public Task Calls_the_wrapper_instead_of_the_method() => CodeFixVerifier.VerifyAsync(
        new DelayedValueOfCallAnalyzer(),
        new DelayedValueOfCallFixer(),
        """
        using System.Threading;
        using Shop;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed] public static T Id<T>(T value) => value;

            public static Delayed<int> Value() => Delayed.Value(Ops.Inc(1));

            public static Delayed<Data> Load(string path, CancellationToken token) => Ops.ProcessDelayed(Ops.LoadAsync(path, token).Result, Ops.ProcessDelayed(new Data(1), new Data(2)));

            public static Delayed<int> Converted() => Ops.IncDelayed(Ops.Add(1, 2));

            public static Delayed<string> Generic() => Delayed.Value(Id("text"));
        }
        """,
        """
        using System.Threading;
        using Shop;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed] public static T Id<T>(T value) => value;

            public static Delayed<int> Value() => Ops.IncDelayed(1);

            public static Delayed<Data> Load(string path, CancellationToken token) => Ops.ProcessDelayed(Ops.LoadAsync(path, token).Result, Ops.ProcessDelayed(new Data(1), new Data(2)));

            public static Delayed<int> Converted() => Ops.IncDelayed(Ops.AddDelayed(1, 2));

            public static Delayed<string> Generic() => IdDelayed<string>("text");
        }
        """);

    // A Task method's wrapper gives Delayed<Unit>, not Delayed<Task>; a literal null for an optional
    // parameter reaches the wrapper as "use the default".
    [Fact]
    public Task Offers_nothing_where_the_wrapper_would_change_the_type_or_the_value() => CodeFixVerifier.VerifyNoFixAsync(
        new DelayedValueOfCallAnalyzer(),
        new DelayedValueOfCallFixer(),
        """
        using System.Threading.Tasks;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed] public static Task Flush() => Task.CompletedTask;

            [Delayed] public static string? Opt(string? text = "default") => text;

            public static Delayed<Task> Flushed() => Delayed.Value(Flush());

            public static Delayed<string?> Missing() => Delayed.Value(Opt(null));
        }
        """);
}

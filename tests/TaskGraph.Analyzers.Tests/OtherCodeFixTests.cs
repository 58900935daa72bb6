using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class UseWrapperCodeFixTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Calls_the_wrapper_instead_of_the_method(bool fixAll) => CodeFixVerifier.VerifyAsync(
        new DelayedValueOfCallAnalyzer(),
        new UseWrapperCodeFixProvider(),
        DiagnosticIds.DelayedValueOfCall,
        """
        using System.Threading;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static Delayed<int> Value() => Delayed.Value(Ops.Inc(1));

            public static Delayed<Data> Load(string path, CancellationToken token) => Ops.ProcessDelayed(Ops.LoadAsync(path, token).Result, Ops.ProcessDelayed(new Data(1), new Data(2)));

            public static Delayed<int> Converted() => Ops.IncDelayed(Ops.Add(1, 2));
        }
        """,
        fixAll
            ? """
              using System.Threading;
              using Shop;
              using TaskGraph;

              public static class Pipeline
              {
                  public static Delayed<int> Value() => Ops.IncDelayed(1);

                  public static Delayed<Data> Load(string path, CancellationToken token) => Ops.ProcessDelayed(Ops.LoadAsync(path, token).Result, Ops.ProcessDelayed(new Data(1), new Data(2)));

                  public static Delayed<int> Converted() => Ops.IncDelayed(Ops.AddDelayed(1, 2));
              }
              """
            : """
              using System.Threading;
              using Shop;
              using TaskGraph;

              public static class Pipeline
              {
                  public static Delayed<int> Value() => Ops.IncDelayed(1);

                  public static Delayed<Data> Load(string path, CancellationToken token) => Ops.ProcessDelayed(Ops.LoadAsync(path, token).Result, Ops.ProcessDelayed(new Data(1), new Data(2)));

                  public static Delayed<int> Converted() => Ops.IncDelayed(Ops.Add(1, 2));
              }
              """,
        fixAll);
}

public sealed class CallDirectlyInsideDelayedCodeFixTests
{
    [Fact]
    public Task Replaces_a_computed_wrapper_call_with_the_direct_call() => CodeFixVerifier.VerifyAsync(
        new DelayedWithinDelayedAnalyzer(),
        new CallDirectlyInsideDelayedCodeFixProvider(),
        DiagnosticIds.DelayedWithinDelayed,
        """
        using Shop;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed] public static int Twice(int x) => Ops.IncDelayed(Ops.IncDelayed(x)).Compute();

            [Delayed]
            public static string Named(int x)
            {
                var a = Ops.AddDelayed(x, 1);
                return Ops.LabelDelayed(a).Compute();
            }
        }
        """,
        """
        using Shop;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed] public static int Twice(int x) => Ops.Inc(Ops.Inc(x));

            [Delayed]
            public static string Named(int x)
            {
                var a = Ops.Add(x, 1);
                return Ops.Label(a);
            }
        }
        """,
        fixAll: true);
}

public sealed class RemoveDiscardedWrapperCallCodeFixTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Removes_calls_that_never_run(bool fixAll) => CodeFixVerifier.VerifyAsync(
        new DiscardedWrapperResultAnalyzer(),
        new RemoveDiscardedWrapperCallCodeFixProvider(),
        DiagnosticIds.DiscardedWrapperResult,
        """
        using Shop;

        public static class Pipeline
        {
            public static int Run()
            {
                Ops.LogDelayed("starting");
                _ = Ops.IncDelayed(1);
                return Ops.IncDelayed(2).Compute();
            }
        }
        """,
        fixAll
            ? """
              using Shop;

              public static class Pipeline
              {
                  public static int Run()
                  {
                      return Ops.IncDelayed(2).Compute();
                  }
              }
              """
            : """
              using Shop;

              public static class Pipeline
              {
                  public static int Run()
                  {
                      _ = Ops.IncDelayed(1);
                      return Ops.IncDelayed(2).Compute();
                  }
              }
              """,
        fixAll);
}

public sealed class MarkBlockingCodeFixTests
{
    [Fact]
    public Task Sets_blocking_on_each_method_once() => CodeFixVerifier.VerifyAsync(
        new UnmarkedBlockingAnalyzer(),
        new MarkBlockingCodeFixProvider(),
        DiagnosticIds.UnmarkedBlocking,
        """
        using System.IO;
        using System.Threading;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed]
            public static string Read(string path)
            {
                Thread.Sleep(1);
                return File.ReadAllText(path);
            }

            [Delayed(Pure = true)]
            public static void Nap() => Thread.Sleep(1);

            [Delayed(Blocking = false)]
            public static void Wait() => Thread.Sleep(2);
        }
        """,
        """
        using System.IO;
        using System.Threading;
        using TaskGraph;

        public static partial class Pipeline
        {
            [Delayed(Blocking = true)]
            public static string Read(string path)
            {
                Thread.Sleep(1);
                return File.ReadAllText(path);
            }

            [Delayed(Pure = true, Blocking = true)]
            public static void Nap() => Thread.Sleep(1);

            [Delayed(Blocking = true)]
            public static void Wait() => Thread.Sleep(2);
        }
        """,
        fixAll: true);
}

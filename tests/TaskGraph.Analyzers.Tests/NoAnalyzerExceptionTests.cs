using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

/// <summary>
/// No analyzer may ever throw (an AD0001 in the IDE). Every analyzer runs over every test input of
/// this project and over a corpus of broken code, and must report no exception.
/// </summary>
public sealed class NoAnalyzerExceptionTests
{
    private static readonly string[] BrokenCorpus =
    {
        // Syntax errors and half-typed expressions.
        """
        using Shop; using TaskGraph;
        public static class Pipeline
        {
            public static int Run() { var a = Ops.IncDelayed(; var b = Ops.AddDelayed(a, ).Compute(; return b.
        """,
        """
        using Shop; using TaskGraph;
        public static class Pipeline { public static void Run() { for (int i = 0; i < ; i++) Ops.IncDelayed(i). } }
        """,
        """
        using Shop; using TaskGraph;
        public static class Pipeline { static int x = Ops.IncDelayed(1).Compute(); public static object Run() => Delayed.Value(Ops.Inc()).Compute() + Delayed.All(null).Compute(; }
        """,
        // Missing types, members and references.
        """
        using Shop; using TaskGraph; using Missing.Namespace;
        public static partial class Steps
        {
            [Delayed] public static int Broken(Unknown u, List<int> l) { u.Value = 1; l.Add(2); Thread.Sleep(1); return Unknown.Static++ + Ops.NoSuchDelayed(u).Compute(); }
            [Delayed(Blocking = )] public static void Half(int[] a) { a[0] = ; Array.Sort(a }
            [Delayed] public static int NoBody(int x);
            [Delayed] public static Delayed<int> Recursive(Delayed<int> h) => Recursive(Recursive(h).Compute());
        }
        """,
        """
        using Shop; using TaskGraph;
        public static class Pipeline
        {
            public static void Loops(dynamic d)
            {
                for (;;) { Ops.IncDelayed(1); break; }
                for (int i = 0, j = 1; i < j; i++, j--) Ops.IncDelayed(i).Compute();
                for (long i = 0; i <= long.MaxValue; i++) Ops.IncDelayed(1).Compute();
                for (int i = int.MinValue; i <= int.MaxValue; i++) { _ = Ops.IncDelayed(i); }
                foreach (var x in new int[-1]) Ops.IncDelayed(x).Compute();
                foreach (var x in System.Linq.Enumerable.Range(0, int.MaxValue)) { var h = Ops.IncDelayed(x); h.Compute(); }
                Delayed<int> late;
                late = Ops.IncDelayed(1);
                late.Compute();
                Ops.IncDelayed(d).Compute();
                var self = Ops.IncDelayed(self);
                goto end;
                end: Delayed.Compute(Ops.IncDelayed(1), null, default);
            }
        }
        """,
        // A wrapper whose id names nothing, and a TaskGraph-like namespace without the runtime's types.
        """
        namespace TaskGraph.Infrastructure { public sealed class DelayedWrapperAttribute : System.Attribute { public DelayedWrapperAttribute(string id) { } } }
        public static class Fake
        {
            [TaskGraph.Infrastructure.DelayedWrapper("M:Nowhere.Nothing(")] public static TaskGraph.Delayed<int> BadDelayed(TaskGraph.Delayed<int> x) => x;
            [TaskGraph.Infrastructure.DelayedWrapper(null)] public static TaskGraph.Delayed<int> NullDelayed() => 1;
            public static int Use() => BadDelayed(NullDelayed()).Compute() + BadDelayed(BadDelayed(1)).Compute();
        }
        """,
        // The fake wrapper attribute takes an array: its argument is an array constant, whose Value throws.
        """
        namespace TaskGraph.Infrastructure { public sealed class DelayedWrapperAttribute : System.Attribute { public DelayedWrapperAttribute(string[] ids) { } } }
        public static class Fake
        {
            [TaskGraph.Infrastructure.DelayedWrapper(null)] public static TaskGraph.Delayed<int> NullDelayed() => 1;
            [TaskGraph.Infrastructure.DelayedWrapper(new[] { "M:Fake.Use" })] public static TaskGraph.Delayed<int> ArrayDelayed(TaskGraph.Delayed<int> x) => x;
            public static int Use() => ArrayDelayed(NullDelayed()).Compute() + ArrayDelayed(1).Compute();
        }
        """,
    };

    public static IEnumerable<object[]> Inputs()
    {
        foreach (var text in BrokenCorpus)
        {
            yield return new object[] { text };
        }

        // Every test input in this project, markup removed.
        foreach (var field in typeof(NoAnalyzerExceptionTests).Assembly.GetTypes()
                     .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                     .Where(f => f.IsLiteral && f.FieldType == typeof(string) && ((string)f.GetRawConstantValue()!).Contains('\n')))
        {
            yield return new object[] { Markup.Parse((string)field.GetRawConstantValue()!).Text };
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task No_analyzer_throws(string source)
    {
        var compilation = AnalyzerVerifier.Compile(source);
        var run = await AnalyzerRun.RunAsync(compilation, AllAnalyzers.Create());
        Assert.True(run.Exceptions.IsEmpty, run.DescribeExceptions());
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Analyzers_stay_silent_without_TaskGraph()
    {
        var compilation = CSharpCompilationWithoutTaskGraph("""
            public static class Plain { public static int Add(int x, int y) => x + y; public static int Run() => Add(Add(1, 2), Add(3, 4)); }
            """);
        var run = await AnalyzerRun.RunAsync(compilation, AllAnalyzers.Create());
        Assert.True(run.Exceptions.IsEmpty, run.DescribeExceptions());
        Assert.Empty(run.Diagnostics);
    }

    private static Compilation CSharpCompilationWithoutTaskGraph(string source)
    {
        var withTaskGraph = TestCompilation.Create(source);
        var runtime = withTaskGraph.References.Single(r => r.Display?.EndsWith("TaskGraph.dll", System.StringComparison.Ordinal) == true);
        return withTaskGraph.RemoveReferences(runtime);
    }
}

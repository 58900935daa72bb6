using System;
using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>
/// The descriptors generated code builds with one <see cref="DelayedCall.Describe"/> call per type: every
/// field reaches the runtime as the method declares it, each wrapper gets its own method's descriptor, and a
/// malformed entry is refused with a message naming it.
/// </summary>
public class DescriptorTableTests
{
    [Fact]
    public void Each_wrapper_carries_its_own_methods_descriptor()
    {
        object? result = GeneratedCode.Run("""
            namespace Ns
            {
                public static partial class Etl
                {
                    [Delayed] public static async Task<int> LoadAsync(string path, CancellationToken ct) { await Task.Yield(); return path.Length; }
                    [Delayed(Blocking = true)] public static void Save(int data, string path) { }
                    [Delayed] public static int Now() => 1;
                    [Delayed] public static int Now(int offset) => offset;
                    [Delayed(Pure = true, Retries = 2)] public static ValueTask<double> Score(IReadOnlyList<double> values) => new(0.0);
                }
            }

            public static class Program
            {
                public static string Run()
                {
                    static string Describe(DelayedNode node)
                    {
                        var m = node.Method!;
                        return $"{m.Id};{m.Name};{m.ContainingType};[{string.Join(",", m.ParameterNames)}];{m.ResultKind};{m.Pure};{m.Blocking};{m.Retries}";
                    }

                    return string.Join("\n",
                        Describe(Ns.Etl.LoadDelayed("p")),
                        Describe(Ns.Etl.SaveDelayed(1, "p")),
                        Describe(Ns.Etl.NowDelayed()),
                        Describe(Ns.Etl.NowDelayed(2)),
                        Describe(Ns.Etl.ScoreDelayed(new[] { Delayed.Value(1.0) })));
                }
            }
            """);

        Assert.Equal(
            string.Join("\n",
                "M:Ns.Etl.LoadAsync(System.String,System.Threading.CancellationToken);LoadAsync;Ns.Etl;[path];TaskOfResult;False;False;0",
                "M:Ns.Etl.Save(System.Int32,System.String);Save;Ns.Etl;[data,path];Void;False;True;0",
                "M:Ns.Etl.Now;Now;Ns.Etl;[];Value;False;False;0",
                "M:Ns.Etl.Now(System.Int32);Now;Ns.Etl;[offset];Value;False;False;0",
                "M:Ns.Etl.Score(System.Collections.Generic.IReadOnlyList{System.Double});Score;Ns.Etl;[values];ValueTaskOfResult;True;False;2"),
            result);
    }

    [Fact]
    public void Describe_reads_every_option()
    {
        var descriptor = Assert.Single(DelayedCall.Describe("Ns.T", "M:Ns.T.F(System.Int32)|F|x|Value|Pure|Blocking|Retries=3|RetryDelayMilliseconds=250|TimeoutMilliseconds=5000"));

        Assert.Equal(("M:Ns.T.F(System.Int32)", "F", "Ns.T"), (descriptor.Id, descriptor.Name, descriptor.ContainingType));
        Assert.Equal(new[] { "x" }, descriptor.ParameterNames);
        Assert.Equal((true, true, 3, 250, 5000), (descriptor.Pure, descriptor.Blocking, descriptor.Retries, descriptor.RetryDelayMilliseconds, descriptor.TimeoutMilliseconds));
    }

    [Theory]
    [InlineData("M:T.F|F|x")]
    [InlineData("M:T.F|F|x|Later")]
    [InlineData("M:T.F|F|x|17")]
    [InlineData("M:T.F|F|x|Value|Fast")]
    [InlineData("M:T.F|F|x|Value|Retries=")]
    [InlineData("M:T.F|F|x|Value|Retries=-1")]
    [InlineData("M:T.F|F|x|Value|Timeout=5")]
    public void Describe_refuses_a_malformed_entry_and_names_it(string entry)
    {
        var exception = Assert.Throws<ArgumentException>(() => DelayedCall.Describe("T", "M:T.G|G||Void", entry));

        Assert.Contains($"'{entry}'", exception.Message, StringComparison.Ordinal);
    }
}

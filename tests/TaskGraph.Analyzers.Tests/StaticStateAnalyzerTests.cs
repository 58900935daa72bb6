using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class StaticStateAnalyzerTests
{
    private static Task VerifyAsync(string markup) => AnalyzerVerifier.VerifyAsync(new StaticStateAnalyzer(), markup);

    [Fact]
    public Task Reports_mutable_statics_read_or_written() => VerifyAsync("""
        using System.Collections.Generic;
        using TaskGraph;

        public static partial class Steps
        {
            private static int counter;
            private static readonly List<int> Seen = new();

            public static int Mode { get; set; }

            [Delayed] public static int Next() => [|counter|]++;

            [Delayed] public static void Note(int x) => [|Seen|].Add(x);

            [Delayed] public static int Scaled(int x) => x * [|Mode|];
        }
        """);

    [Fact]
    public Task Stays_quiet_on_constants_readonly_reads_and_instance_state() => VerifyAsync("""
        using System.Collections.Generic;
        using TaskGraph;

        public partial class Steps
        {
            private const int Limit = 5;
            private static readonly int[] Table = { 1, 2, 3 };
            private int calls;

            [Delayed] public static int Lookup(int i) => Table[i % Table.Length] + Limit;

            [Delayed] public int Count() => ++calls;

            public static int NotDelayed() => Table.Length;
        }
        """);
}

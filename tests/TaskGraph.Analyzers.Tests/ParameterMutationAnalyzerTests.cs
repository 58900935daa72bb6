using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class ParameterMutationAnalyzerTests
{
    private static Task VerifyAsync(string markup) => AnalyzerVerifier.VerifyAsync(new ParameterMutationAnalyzer(), markup);

    [Fact]
    public Task Reports_writes_into_parameters() => VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using TaskGraph;

        public sealed class Box
        {
            public int Count { get; set; }

            public List<int> Items { get; } = new();
        }

        public static partial class Steps
        {
            [Delayed]
            public static int Mutate(List<int> items, int[] values, Box box)
            {
                [|items.Add(1)|];
                [|values[0] = 2|];
                [|box.Count = 3|];
                [|box.Count++|];
                [|box.Items.Clear()|];
                [|Array.Sort(values)|];
                return items.Count;
            }
        }
        """);

    [Fact]
    public Task Stays_quiet_on_reads_copies_reassignments_and_struct_copies() => VerifyAsync("""
        using System.Collections.Generic;
        using TaskGraph;

        public struct Point
        {
            public int X;
        }

        public static partial class Steps
        {
            [Delayed]
            public static int Read(List<int> items, Point point)
            {
                var copy = new List<int>(items);
                copy.Add(items[0]);
                point.X = 5;
                items = new List<int>();
                return copy.Count + point.X + items.Count;
            }

            public static void NotDelayed(List<int> items) => items.Add(1);
        }
        """);
}

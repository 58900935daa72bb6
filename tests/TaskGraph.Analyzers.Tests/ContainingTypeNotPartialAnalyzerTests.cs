using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TaskGraph.Analyzers.Rules;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class ContainingTypeNotPartialAnalyzerTests
{
    private static Task VerifyAsync(string markup) => AnalyzerVerifier.VerifyAsync(new ContainingTypeNotPartialAnalyzer(), markup);

    [Fact]
    public Task Reports_each_method_whose_containing_types_are_not_all_partial() => VerifyAsync("""
        using TaskGraph;

        public static class Etl
        {
            [Delayed] public static int [|Load|]() => 1;

            public static int NotDelayed() => 2;
        }

        public class Outer
        {
            public partial class Inner
            {
                [Delayed] public int [|Scale|](int x) => x;
            }
        }

        public partial class Store
        {
            public class Till
            {
                [Delayed] public static int [|Total|](int x) => x;
            }
        }
        """);

    [Fact]
    public Task Stays_quiet_on_partial_types_interfaces_and_file_local_types() => VerifyAsync("""
        using TaskGraph;

        public partial class Outer
        {
            public partial struct Inner
            {
                [Delayed] public static int Scale(int x) => x;
            }
        }

        public interface IEtl
        {
            [Delayed] int Load(int x);
        }

        file class Local
        {
            [Delayed] public static int Load(int x) => x;
        }
        """);

    [Fact]
    public async Task Stays_quiet_on_the_partial_Program_of_top_level_statements()
    {
        // The Program of top-level statements is declared by the compilation unit too, which merges with its partial parts.
        var compilation = GeneratorRun.Start(TestCompilation.Create(
            [("Program.cs", """
                using TaskGraph;

                System.Console.WriteLine(Program.TripleDelayed(2).Compute());

                public partial class Program
                {
                    [Delayed] internal static int Triple(int x) => 3 * x;
                }
                """)],
            OutputKind.ConsoleApplication)).Output;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var run = await AnalyzerRun.RunAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new ContainingTypeNotPartialAnalyzer()));

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
    }
}

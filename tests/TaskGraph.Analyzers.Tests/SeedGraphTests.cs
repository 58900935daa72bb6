using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using TaskGraph.Analyzers.Rules;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

/// <summary>The custom ETL graph of seed 004 (loads over a list of files, processing against a reference, rolling windows of three, random pairs compared, a reduction): parallel and costly, so TG1001/TG1002 must stay quiet.</summary>
public sealed class SeedGraphTests
{
    public const string CustomEtl = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Shop;
        using TaskGraph;

        public static class Pipeline
        {
            public static Delayed<double> Build(int files, int comparisons, int seed)
            {
                var filenames = Enumerable.Range(0, files).Select(i => $"mydata-{i}.dat").ToList();
                var data = filenames.Select(f => Ops.LoadDelayed(f)).ToList();
                var reference = Ops.LoadDelayed("sql://mytable");
                var processed = data.Select(d => Ops.ProcessDelayed(d, reference)).ToList();

                var rolled = new List<Delayed<Data>>();
                for (int i = 0; i < processed.Count - 2; i++)
                {
                    var a = processed[i];
                    var b = processed[i + 1];
                    var c = processed[i + 2];
                    rolled.Add(Ops.RollDelayed(a, b, c));
                }

                var random = new Random(seed);
                var compared = new List<Delayed<double>>();
                for (int i = 0; i < comparisons; i++)
                {
                    var a = rolled[random.Next(rolled.Count)];
                    var b = rolled[random.Next(rolled.Count)];
                    compared.Add(Ops.CompareDelayed(a, b));
                }

                return Ops.ReductionDelayed(compared);
            }

            public static async Task<double> SmallAsync() => await Build(10, 20, 1).ComputeAsync();

            public static async Task<double> LargeAsync()
            {
                var best = Build(100, 200, 2);
                return await best.ComputeAsync();
            }

            public static double Inline()
            {
                var filenames = new List<string> { "a.dat", "b.dat", "c.dat" };
                var data = new List<Delayed<Data>>();
                foreach (var name in filenames)
                {
                    data.Add(Ops.LoadDelayed(name));
                }

                var reference = Ops.LoadDelayed("sql://mytable");
                var processed = data.Select(d => Ops.ProcessDelayed(d, reference)).ToList();
                var rolled = Ops.RollDelayed(processed[0], processed[1], processed[2]);
                return Ops.ReductionDelayed(new[] { Ops.CompareDelayed(rolled, rolled) }).Compute();
            }
        }
        """;

    [Fact]
    public async Task Neither_graph_rule_fires_on_the_custom_etl_graph()
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SequentialGraphAnalyzer(), new TrivialGraphAnalyzer());
        var run = await AnalyzerRun.RunAsync(AnalyzerVerifier.Compile(CustomEtl), analyzers);
        Assert.True(run.Exceptions.IsEmpty, run.DescribeExceptions());
        Assert.True(run.Diagnostics.IsEmpty, TestCompilation.Describe(run.Diagnostics));
    }

    [Fact]
    public async Task The_custom_etl_graph_compiles_and_every_analyzer_runs_on_it_without_exceptions()
    {
        var compilation = AnalyzerVerifier.Compile(CustomEtl);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var run = await AnalyzerRun.RunAsync(compilation, AllAnalyzers.Create());
        Assert.True(run.Exceptions.IsEmpty, run.DescribeExceptions());
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is DiagnosticIds.SequentialGraph or DiagnosticIds.TrivialGraph or DiagnosticIds.ComputeInLoop);
    }
}

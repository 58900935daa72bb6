using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

/// <summary>Every analyzer over the samples' sources (after the generator, as in their build): no exception, and no graph rule fires on the seed graphs.</summary>
public sealed class SamplesAnalysisTests
{
    public static IEnumerable<object[]> Samples()
    {
        foreach (string directory in Directory.EnumerateDirectories(Path.Combine(TaskGraph.Testing.RepositoryRoot.Path, "samples")).OrderBy(d => d, System.StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetFileName(directory) };
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Analyzers_run_over_the_sample_without_exceptions_or_graph_warnings(string sample)
    {
        string directory = Path.Combine(TaskGraph.Testing.RepositoryRoot.Path, "samples", sample);
        var sources = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(path)))
            .ToList();
        Assert.NotEmpty(sources);

        var compilation = GeneratorRun.Start(TestCompilation.Create(sources, OutputKind.ConsoleApplication, sample)).Output;
        var run = await AnalyzerRun.RunAsync(compilation, AllAnalyzers.Create());
        Assert.True(run.Exceptions.IsEmpty, run.DescribeExceptions());
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is DiagnosticIds.SequentialGraph or DiagnosticIds.TrivialGraph);
    }
}

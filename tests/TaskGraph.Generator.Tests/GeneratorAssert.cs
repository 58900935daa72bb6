using System.Linq;
using Microsoft.CodeAnalysis;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>Assertions shared by the generator tests.</summary>
internal static class GeneratorAssert
{
    /// <summary>The usings every test source starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using TaskGraph;

        """;

    /// <summary>Runs the generator and asserts that it neither threw nor reported anything, and that the output compiles without a warning.</summary>
    public static GeneratorRun CompilesCleanly(params string[] sources)
    {
        var run = GeneratorRun.Start(sources);
        Assert.Null(run.Result.Exception);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, TestCompilation.Describe(run.GeneratorDiagnostics));
        var problems = run.OutputWarningsAndErrors;
        Assert.True(problems.IsEmpty, TestCompilation.Describe(problems) + "\n\n" + string.Join("\n\n", run.GeneratedSources.Values));
        return run;
    }

    /// <summary>The single generated source of a run.</summary>
    public static string SingleSource(GeneratorRun run) => Assert.Single(run.GeneratedSources).Value;

    /// <summary>The names of the methods a type has in the output compilation.</summary>
    public static string[] MethodNames(GeneratorRun run, string typeMetadataName)
        => run.Output.GetTypeByMetadataName(typeMetadataName)!.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name).ToArray();
}

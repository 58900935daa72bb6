using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

/// <summary>Code fixes never throw: every fixer is offered every diagnostic of every test input and the broken corpus, and every action it offers is computed.</summary>
public sealed class NoCodeFixExceptionTests
{
    [Theory]
    [MemberData(nameof(NoAnalyzerExceptionTests.Inputs), MemberType = typeof(NoAnalyzerExceptionTests))]
    public async Task No_code_fix_throws(string source)
    {
        var fixers = AllCodeFixes.Create();
        Assert.Equal(9, fixers.Length);

        var project = CodeFixRun.CreateProject(AnalyzerVerifier.Sources(source));
        foreach (var fixer in fixers)
        {
            var run = new CodeFixRun(fixer, AllAnalyzers.Create());
            foreach (string id in fixer.FixableDiagnosticIds)
            {
                foreach (var diagnostic in await run.GetDiagnosticsAsync(project, id))
                {
                    foreach (CodeAction action in await run.GetActionsAsync(project, diagnostic))
                    {
                        Assert.NotEmpty(await action.GetOperationsAsync(default));
                    }
                }
            }
        }
    }
}

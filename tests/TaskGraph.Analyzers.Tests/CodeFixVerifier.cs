using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

/// <summary>Applies a code fix as the IDE does (one diagnostic, or Fix All in the document) and checks the fixed pipeline and that it compiles.</summary>
internal static class CodeFixVerifier
{
    /// <summary>
    /// Fixes the first <paramref name="id"/> diagnostic of <paramref name="before"/> (or all of them in the
    /// document when <paramref name="fixAll"/>), then asserts the pipeline reads <paramref name="after"/>,
    /// the project compiles without errors, and (for Fix All) no <paramref name="id"/> diagnostic is left.
    /// </summary>
    public static async Task VerifyAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, string id, string before, string after, bool fixAll = false)
    {
        var project = CodeFixRun.CreateProject(AnalyzerVerifier.Sources(before));
        var run = new CodeFixRun(fixer, ImmutableArray.Create(analyzer));
        project = fixAll ? await run.FixAllAsync(project, id) : await run.FixOneAsync(project, id);

        Assert.Equal(after.ReplaceLineEndings("\n"), (await CodeFixRun.TextOfAsync(project, AnalyzerVerifier.PipelinePath)).ReplaceLineEndings("\n"));
        var errors = (await CodeFixRun.CompileAsync(project)).Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.True(errors.IsEmpty, "The fixed code does not compile:\n" + TestCompilation.Describe(errors));
        if (fixAll)
        {
            Assert.Empty(await run.GetDiagnosticsAsync(project, id));
        }
    }

    /// <summary>Asserts that the fixer offers nothing for any <paramref name="id"/> diagnostic of <paramref name="source"/> (which has some).</summary>
    public static async Task VerifyNoFixAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fixer, string id, string source)
    {
        var project = CodeFixRun.CreateProject(AnalyzerVerifier.Sources(source));
        var run = new CodeFixRun(fixer, ImmutableArray.Create(analyzer));
        var diagnostics = await run.GetDiagnosticsAsync(project, id);
        Assert.NotEmpty(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Assert.Empty(await run.GetActionsAsync(project, diagnostic));
        }
    }
}

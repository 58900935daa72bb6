using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace TaskGraph.Testing;

/// <summary>
/// Offers diagnostics to a code fix the way the IDE does, for the checks the test library does not
/// make (fixers never throw, on any input, the fuzzer's included): sources live in an
/// <see cref="AdhocWorkspace"/> project with the generator as an analyzer reference, diagnostics come
/// from the analyzers over the project's compilation, and the fixer registers its code actions.
/// Applying fixes and Fix All are the test library's (Microsoft.CodeAnalysis.Testing).
/// </summary>
public sealed class CodeFixRun
{
    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly CodeFixProvider fixer;
    private readonly AnalyzerConfigOptionsProvider? options;

    /// <summary>A runner of <paramref name="fixer"/> on the diagnostics of <paramref name="analyzers"/>.</summary>
    public CodeFixRun(CodeFixProvider fixer, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerConfigOptionsProvider? options = null)
    {
        this.fixer = fixer;
        this.analyzers = analyzers;
        this.options = options;
    }

    /// <summary>
    /// A project of <paramref name="sources"/> in a new workspace, with the options and references of
    /// <see cref="TestCompilation"/> and the TaskGraph generator, as a user's project has them.
    /// </summary>
    public static Project CreateProject(IEnumerable<(string Path, string Text)> sources)
    {
        var template = TestCompilation.Create(Array.Empty<string>());
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Create(),
            "TestProject",
            template.AssemblyName!,
            LanguageNames.CSharp,
            compilationOptions: template.Options,
            parseOptions: TestCompilation.ParseOptions,
            metadataReferences: TestCompilation.References,
            analyzerReferences: new[] { GeneratorReference.Instance }));
        foreach (var (path, text) in sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId, path), path, SourceText.From(text), filePath: path);
        }

        Assert.True(workspace.TryApplyChanges(solution), "The workspace refused the test project.");
        return workspace.CurrentSolution.GetProject(projectId)!;
    }

    /// <summary>The analyzers' diagnostics with id <paramref name="diagnosticId"/> over <paramref name="project"/>, in source order.</summary>
    public async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Project project, string diagnosticId)
    {
        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
        var run = await AnalyzerRun.RunAsync(compilation, analyzers, options).ConfigureAwait(false);
        Assert.True(run.Exceptions.IsEmpty, run.DescribeExceptions());
        return run.Diagnostics.Where(d => d.Id == diagnosticId).ToImmutableArray();
    }

    /// <summary>The code actions the fixer offers for <paramref name="diagnostic"/> in <paramref name="project"/>.</summary>
    public async Task<ImmutableArray<CodeAction>> GetActionsAsync(Project project, Diagnostic diagnostic)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree!)
                       ?? throw new InvalidOperationException($"No document holds {diagnostic}.");
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return actions.ToImmutable();
    }
}

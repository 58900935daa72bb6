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
/// Applies code fixes the way the IDE does: sources live in an <see cref="AdhocWorkspace"/> project,
/// diagnostics come from the analyzers over the project's compilation, the fixer registers its code
/// actions, and the chosen action's <see cref="ApplyChangesOperation"/> is applied to the workspace.
/// Fix All goes through the fixer's <see cref="FixAllProvider"/> with a <see cref="FixAllContext"/>.
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

    /// <summary>
    /// Applies the first code action offered for the <paramref name="index"/>-th diagnostic
    /// <paramref name="diagnosticId"/> and returns the changed project; fails when none is offered.
    /// </summary>
    public async Task<Project> FixOneAsync(Project project, string diagnosticId, int index = 0)
    {
        var diagnostics = await GetDiagnosticsAsync(project, diagnosticId).ConfigureAwait(false);
        Assert.True(diagnostics.Length > index, $"Expected at least {index + 1} {diagnosticId} diagnostic(s), found {diagnostics.Length}.");
        var actions = await GetActionsAsync(project, diagnostics[index]).ConfigureAwait(false);
        Assert.False(actions.IsEmpty, $"No code fix was offered for {diagnostics[index]}.");
        return await ApplyAsync(project, actions[0]).ConfigureAwait(false);
    }

    /// <summary>Applies Fix All for <paramref name="diagnosticId"/> in <paramref name="scope"/>, starting from its first diagnostic.</summary>
    public async Task<Project> FixAllAsync(Project project, string diagnosticId, FixAllScope scope = FixAllScope.Document)
    {
        var diagnostics = await GetDiagnosticsAsync(project, diagnosticId).ConfigureAwait(false);
        Assert.False(diagnostics.IsEmpty, $"Expected {diagnosticId} diagnostics to fix.");
        var first = diagnostics[0];
        var actions = await GetActionsAsync(project, first).ConfigureAwait(false);
        Assert.False(actions.IsEmpty, $"No code fix was offered for {first}.");
        var provider = fixer.GetFixAllProvider();
        Assert.NotNull(provider);
        var document = project.GetDocument(first.Location.SourceTree!)!;
        var context = new FixAllContext(
            document,
            fixer,
            scope,
            actions[0].EquivalenceKey,
            new[] { diagnosticId },
            new Diagnostics(this),
            CancellationToken.None);
        var action = await provider.GetFixAsync(context).ConfigureAwait(false);
        Assert.NotNull(action);
        return await ApplyAsync(project, action).ConfigureAwait(false);
    }

    /// <summary>Errors and warnings of the project's compilation (a fix must leave code that still compiles).</summary>
    public static async Task<ImmutableArray<Diagnostic>> CompileAsync(Project project)
        => TestCompilation.WarningsAndErrors((await project.GetCompilationAsync().ConfigureAwait(false))!);

    /// <summary>The text of the document named <paramref name="path"/>.</summary>
    public static async Task<string> TextOfAsync(Project project, string path)
        => (await project.Documents.Single(d => d.Name == path).GetTextAsync().ConfigureAwait(false)).ToString();

    private static async Task<Project> ApplyAsync(Project project, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
        var apply = operations.OfType<ApplyChangesOperation>().Single();
        var workspace = project.Solution.Workspace;
        Assert.True(workspace.TryApplyChanges(apply.ChangedSolution), "The workspace refused the fix's changes.");
        return workspace.CurrentSolution.GetProject(project.Id)!;
    }

    private sealed class Diagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly CodeFixRun run;

        public Diagnostics(CodeFixRun run) => this.run = run;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return (await AllAsync(document.Project).ConfigureAwait(false)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => (await AllAsync(project).ConfigureAwait(false)).Where(d => !d.Location.IsInSource);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => AllAsync(project);

        private async Task<IEnumerable<Diagnostic>> AllAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
            var result = await AnalyzerRun.RunAsync(compilation, run.analyzers, run.options).ConfigureAwait(false);
            return result.Diagnostics;
        }
    }
}

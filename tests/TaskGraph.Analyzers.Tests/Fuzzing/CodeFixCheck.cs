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
using TaskGraph.Testing;

namespace TaskGraph.Analyzers.Tests.Fuzzing;

/// <summary>
/// Runs every code fix over a variant as the IDE does: each analyzer diagnostic in the variant's focus
/// documents is offered to every fixer of its id (the light bulb), and each fixer's Fix All runs once per
/// document and id. Each action's changed documents are computed in full, where a fixer would throw.
/// </summary>
internal sealed class CodeFixCheck
{
    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly ImmutableArray<CodeFixProvider> fixers;

    public CodeFixCheck(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
    {
        this.analyzers = analyzers;
        this.fixers = fixers;
    }

    /// <summary>Applies every fix offered for the variant; adds what threw to <paramref name="failures"/> and returns how many fixes were applied.</summary>
    public async Task<int> RunAsync(FuzzVariant variant, List<string> failures, CancellationToken cancellationToken)
    {
        var project = CodeFixRun.CreateProject(variant.Sources);
        var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
        var analysis = await FocusedAnalysis.RunAsync(
            compilation,
            FocusedAnalysis.FocusTrees(compilation, variant.Seed, Array.Empty<SyntaxTree>()),
            analyzers,
            cancellationToken).ConfigureAwait(false);
        failures.AddRange(analysis.Exceptions.Select(e => $"Analyzer {e.Analyzer.GetType().Name} threw (AD0001) in the code fix workspace: {e.Exception}"));

        int applied = 0;
        foreach (var diagnostic in analysis.Diagnostics)
        {
            foreach (var fixer in FixersOf(diagnostic.Id))
            {
                applied += await GuardAsync(failures, $"Code fix {fixer.GetType().Name} on {diagnostic}", async () =>
                {
                    int count = 0;
                    foreach (var action in await ActionsAsync(project, fixer, diagnostic, cancellationToken).ConfigureAwait(false))
                    {
                        count += await ApplyAsync(project, action, cancellationToken).ConfigureAwait(false);
                    }

                    return count;
                }).ConfigureAwait(false);
            }
        }

        foreach (var group in analysis.Diagnostics.GroupBy(d => (d.Id, d.Location.SourceTree)))
        {
            foreach (var fixer in FixersOf(group.Key.Id))
            {
                applied += await GuardAsync(failures, $"Fix All of {fixer.GetType().Name} for {group.Key.Id} in {group.Key.SourceTree?.FilePath}", () =>
                    FixAllAsync(project, fixer, group.First(), analysis.Diagnostics, cancellationToken)).ConfigureAwait(false);
            }
        }

        return applied;
    }

    private IEnumerable<CodeFixProvider> FixersOf(string id) => fixers.Where(f => f.FixableDiagnosticIds.Contains(id));

    private async Task<ImmutableArray<CodeAction>> ActionsAsync(Project project, CodeFixProvider fixer, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var document = project.GetDocument(diagnostic.Location.SourceTree!)!;
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken)).ConfigureAwait(false);
        return actions.ToImmutable();
    }

    /// <summary>Fix All in the document of <paramref name="first"/>, started from it as the IDE starts it from the light bulb.</summary>
    private async Task<int> FixAllAsync(Project project, CodeFixProvider fixer, Diagnostic first, ImmutableArray<Diagnostic> all, CancellationToken cancellationToken)
    {
        if (fixer.GetFixAllProvider() is not { } provider || !provider.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
        {
            return 0;
        }

        var actions = await ActionsAsync(project, fixer, first, cancellationToken).ConfigureAwait(false);
        if (actions.IsEmpty)
        {
            return 0;
        }

        var context = new FixAllContext(
            project.GetDocument(first.Location.SourceTree!)!,
            fixer,
            FixAllScope.Document,
            actions[0].EquivalenceKey,
            new[] { first.Id },
            new KnownDiagnostics(all),
            cancellationToken);
        return await provider.GetFixAsync(context).ConfigureAwait(false) is { } action
            ? await ApplyAsync(project, action, cancellationToken).ConfigureAwait(false)
            : 0;
    }

    private static async Task<int> ApplyAsync(Project project, CodeAction action, CancellationToken cancellationToken)
    {
        int applied = 0;
        foreach (var change in (await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false)).OfType<ApplyChangesOperation>())
        {
            // Reading the changed documents' text forces the fix's whole rewrite.
            foreach (var id in change.ChangedSolution.GetChanges(project.Solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
            {
                await change.ChangedSolution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            }

            applied++;
        }

        return applied;
    }

    private static async Task<int> GuardAsync(List<string> failures, string what, Func<Task<int>> fix)
    {
        try
        {
            return await fix().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failures.Add($"{what} threw: {exception}");
            return 0;
        }
    }

    /// <summary>The diagnostics already computed for the project, served to Fix All.</summary>
    private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> diagnostics;

        public KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) => this.diagnostics = diagnostics;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}

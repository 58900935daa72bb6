using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;

namespace TaskGraph.CodeFixes;

/// <summary>
/// A TaskGraph code fix, whose changes stay in the diagnostic's document. The opening every fixer
/// needs (root, semantic model, TaskGraph's symbols, the diagnosed node) is done here once; a fixer
/// only plans, per diagnostic, the edits that keep the program's meaning, or plans none and is not
/// offered. The light bulb registers an action where a plan exists and builds the new document
/// lazily, when the action is chosen; Fix All plans every diagnostic of a document into one set of
/// edits, so the single fix and Fix All are the same code path.
/// </summary>
public abstract class TaskGraphCodeFixProvider : CodeFixProvider
{
    private readonly ImmutableArray<string> fixableIds;

    /// <summary>A fixer of diagnostic <paramref name="id"/> whose code action reads <paramref name="title"/>.</summary>
    private protected TaskGraphCodeFixProvider(string id, string title)
    {
        fixableIds = ImmutableArray.Create(id);
        Title = title;
    }

    /// <summary>The code action's title.</summary>
    protected string Title { get; }

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds => fixableIds;

    /// <summary>The code action's equivalence key: the fixer's name, unique among TaskGraph's fixers.</summary>
    protected string EquivalenceKey => GetType().Name;

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken));

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await FixableDocument.OpenAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is not { } document)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var edits = new DocumentEdits();
            if (TryPlan(document, diagnostic, document.NodeOf(diagnostic), edits, context.CancellationToken))
            {
                context.RegisterCodeFix(CodeAction.Create(Title, _ => Task.FromResult(document.Apply(edits)), EquivalenceKey), diagnostic);
            }
        }
    }

    /// <summary>
    /// Records in <paramref name="edits"/> the fix of <paramref name="diagnostic"/> (reported on
    /// <paramref name="node"/>); returns false, recording nothing, where no fix keeps the program's meaning.
    /// </summary>
    private protected abstract bool TryPlan(FixableDocument document, Diagnostic diagnostic, SyntaxNode node, DocumentEdits edits, CancellationToken cancellationToken);

    private async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (await FixableDocument.OpenAsync(document, cancellationToken).ConfigureAwait(false) is not { } fixable)
        {
            return null;
        }

        var edits = new DocumentEdits();
        bool any = false;
        foreach (var diagnostic in diagnostics)
        {
            any |= TryPlan(fixable, diagnostic, fixable.NodeOf(diagnostic), edits, cancellationToken);
        }

        return any ? fixable.Apply(edits) : null;
    }
}

using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TaskGraph.CodeFixes;

/// <summary>
/// A code fix whose changes stay in the diagnostic's document. One method fixes any set of a
/// document's diagnostics in a single rewrite, so the single fix and Fix All are the same code path
/// (and Fix All never has to merge overlapping edits). A fix is offered only where it applies.
/// </summary>
public abstract class DocumentCodeFixProvider : CodeFixProvider
{
    /// <summary>The code action's title, also its equivalence key.</summary>
    protected abstract string Title { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken));

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var fixedDocument = await FixAsync(context.Document, ImmutableArray.Create(diagnostic), context.CancellationToken).ConfigureAwait(false);
            if (fixedDocument is not null)
            {
                context.RegisterCodeFix(CodeAction.Create(Title, _ => Task.FromResult(fixedDocument), equivalenceKey: Title), diagnostic);
            }
        }
    }

    /// <summary>
    /// <paramref name="document"/> with every fixable diagnostic of <paramref name="diagnostics"/>
    /// fixed, or <see langword="null"/> when none can be.
    /// </summary>
    protected abstract Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken);
}

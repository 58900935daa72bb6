using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Editing;

namespace TaskGraph.CodeFixes;

/// <summary>A document opened for fixing: its root, its semantic model and TaskGraph's symbols in its compilation.</summary>
internal sealed class FixableDocument
{
    private FixableDocument(Document document, SyntaxNode root, SemanticModel model, TaskGraphSymbols symbols)
    {
        Document = document;
        Root = root;
        Model = model;
        Symbols = symbols;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public TaskGraphSymbols Symbols { get; }

    /// <summary>The document opened, or <see langword="null"/> when it has no tree or model or its project does not reference TaskGraph.</summary>
    public static async Task<FixableDocument?> OpenAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && model is not null && TaskGraphSymbols.TryCreate(model.Compilation) is { } symbols
            ? new FixableDocument(document, root, model, symbols)
            : null;
    }

    /// <summary>The node a diagnostic of this document is reported on.</summary>
    public SyntaxNode NodeOf(Diagnostic diagnostic) => Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    /// <summary>The document with <paramref name="edits"/> made, in the order they were recorded.</summary>
    public Document Apply(DocumentEdits edits)
    {
        var editor = new SyntaxEditor(Root, Document.Project.Solution.Workspace.Services);
        edits.ApplyTo(editor);
        return Document.WithSyntaxRoot(editor.GetChangedRoot());
    }
}

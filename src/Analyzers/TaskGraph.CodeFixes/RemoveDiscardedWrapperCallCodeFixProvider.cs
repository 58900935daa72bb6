using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TaskGraph.Analyzers;

namespace TaskGraph.CodeFixes;

/// <summary>TG1008: removes a statement whose only effect is a wrapper call whose handle is thrown away (it never runs anyway).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDiscardedWrapperCallCodeFixProvider)), Shared]
public sealed class RemoveDiscardedWrapperCallCodeFixProvider : DocumentCodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.DiscardedWrapperResult);

    /// <inheritdoc/>
    protected override string Title => "Remove the call that never runs";

    /// <inheritdoc/>
    protected override async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return null;
        }

        var statements = new List<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            // Only a statement in a block (or a top-level one) can go; an if's or loop's sole statement would leave invalid code.
            SyntaxNode? removable = node.FirstAncestorOrSelf<ExpressionStatementSyntax>() switch
            {
                { Parent: BlockSyntax } statement => statement,
                { Parent: GlobalStatementSyntax global } => global,
                _ => null,
            };
            if (removable is not null)
            {
                statements.Add(removable);
            }
        }

        if (statements.Count == 0)
        {
            return null;
        }

        var newRoot = root.RemoveNodes(statements, SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.AddElasticMarker);
        return newRoot is null ? null : document.WithSyntaxRoot(newRoot);
    }
}

using System;
using Microsoft.CodeAnalysis.Editing;

namespace TaskGraph.CodeFixes;

/// <summary>
/// The edits a fix plans, made later on a <see cref="SyntaxEditor"/> in the order recorded (a node's
/// rewrite sees the rewrites of its descendants recorded before it). Each node is edited at most once
/// per pass, so the fixes of several diagnostics that share a node (Fix All) do not edit it twice.
/// </summary>
internal sealed class DocumentEdits
{
    private readonly List<Action<SyntaxEditor>> edits = new();
    private readonly HashSet<SyntaxNode> edited = new();
    private readonly HashSet<(SyntaxNode Scope, string Name)> names = new();

    /// <summary>Whether <paramref name="node"/> already has an edit in this pass.</summary>
    public bool Edits(SyntaxNode node) => edited.Contains(node);

    /// <summary>Marks <paramref name="node"/> as taken by this pass without editing it (a statement that edits go around).</summary>
    public void Claim(SyntaxNode node) => edited.Add(node);

    /// <summary>Whether an edit of this pass already introduced <paramref name="name"/> (a new local, say) in <paramref name="scope"/>.</summary>
    public bool Introduced(SyntaxNode scope, string name) => names.Contains((scope, name));

    /// <summary>Records that an edit of this pass introduces <paramref name="name"/> in <paramref name="scope"/>.</summary>
    public void Introduce(SyntaxNode scope, string name) => names.Add((scope, name));

    /// <summary>Replaces <paramref name="node"/> with <paramref name="rewrite"/> of its current form (its descendants' edits made).</summary>
    public void Replace(SyntaxNode node, Func<SyntaxNode, SyntaxNode> rewrite)
    {
        if (edited.Add(node))
        {
            edits.Add(editor => editor.ReplaceNode(node, (current, _) => rewrite(current)));
        }
    }

    /// <summary>Inserts <paramref name="statement"/> before <paramref name="anchor"/>.</summary>
    public void InsertBefore(SyntaxNode anchor, SyntaxNode statement) => edits.Add(editor => editor.InsertBefore(anchor, statement));

    /// <summary>Inserts <paramref name="statement"/> after <paramref name="anchor"/>.</summary>
    public void InsertAfter(SyntaxNode anchor, SyntaxNode statement) => edits.Add(editor => editor.InsertAfter(anchor, statement));

    /// <summary>Removes <paramref name="node"/>, keeping its unbalanced directives.</summary>
    public void Remove(SyntaxNode node)
    {
        if (edited.Add(node))
        {
            edits.Add(editor => editor.RemoveNode(node, SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.AddElasticMarker));
        }
    }

    /// <summary>Makes every recorded edit on <paramref name="editor"/>.</summary>
    public void ApplyTo(SyntaxEditor editor)
    {
        foreach (var edit in edits)
        {
            edit(editor);
        }
    }
}

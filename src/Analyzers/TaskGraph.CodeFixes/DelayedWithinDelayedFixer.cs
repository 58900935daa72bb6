namespace TaskGraph.CodeFixes;

/// <summary>TG1005: inside a <c>[Delayed]</c> method, a wrapper call that is computed on the spot becomes a direct call.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DelayedWithinDelayedFixer)), Shared]
public sealed class DelayedWithinDelayedFixer() : DirectCallsFixer(DiagnosticIds.DelayedWithinDelayed, "Call the method directly")
{

    // The diagnostic marks a wrapper call computed on the spot (MDelayed(x).Compute()) or a compute.
    private protected override InvocationExpressionSyntax? FindCompute(SyntaxNode node)
        => node is InvocationExpressionSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax compute } access } && access.Expression == node
            ? compute
            : node as InvocationExpressionSyntax;
}

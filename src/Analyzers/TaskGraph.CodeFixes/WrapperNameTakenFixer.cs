using TaskGraph.Shared;

namespace TaskGraph.CodeFixes;

/// <summary>
/// Fixes the generator's TG0005 (the wrapper's name is taken, as when <c>Load</c> and <c>LoadAsync</c> are
/// both <c>[Delayed]</c>): names the method's wrapper with <c>[Delayed(Name = "...")]</c>, the method's own
/// name plus <c>Delayed</c> (<c>LoadAsyncDelayed</c>), numbered when that is taken too.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapperNameTakenFixer)), Shared]
public sealed class WrapperNameTakenFixer() : TaskGraphCodeFixProvider(DiagnosticIds.WrapperNameTaken, "Name the wrapper with [Delayed(Name = ...)]")
{
    private const string Suffix = "Delayed";

    private protected override bool TryPlan(FixableDocument document, Diagnostic diagnostic, SyntaxNode node, DocumentEdits edits, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { Parent: TypeDeclarationSyntax type } method
            || document.Model.GetDeclaredSymbol(method, cancellationToken) is not { ContainingType: { } containingType } symbol
            || DelayedAttributeSyntax.Find(method, document, cancellationToken) is not { } attribute
            || edits.Edits(attribute))
        {
            return false;
        }

        string name = symbol.Name + Suffix;
        for (int i = 2; IsTaken(name, symbol, containingType, document.Symbols) || edits.Introduced(type, name); i++)
        {
            name = symbol.Name + Suffix + i;
        }

        edits.Introduce(type, name);
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name));
        edits.Replace(attribute, rewritten => DelayedAttributeSyntax.WithOption((AttributeSyntax)rewritten, WrapperNames.NameOption, literal));
        return true;
    }

    // A member of the type or a base type with that name (the generated wrappers of the type's other
    // [Delayed] methods among them), or another [Delayed] method of the type whose wrapper has that name.
    private static bool IsTaken(string name, IMethodSymbol method, INamedTypeSymbol containingType, TaskGraphSymbols symbols)
    {
        if (name == containingType.Name)
        {
            return true;
        }

        for (var type = containingType; type is not null; type = type.BaseType)
        {
            if (!type.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        foreach (var member in containingType.GetMembers())
        {
            if (member is IMethodSymbol other
                && !SymbolEqualityComparer.Default.Equals(other, method)
                && symbols.GetDelayedAttribute(other) is { } attribute
                && WrapperNames.Of(other.Name, attribute) == name)
            {
                return true;
            }
        }

        return false;
    }
}

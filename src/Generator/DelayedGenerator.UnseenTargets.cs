namespace TaskGraph.Generator;

public sealed partial class DelayedGenerator
{
    /// <summary>
    /// <c>[Delayed]</c> on a member of a C# 14 extension block, where the attribute pipeline of the Roslyn versions
    /// this assembly supports never looks. Found by syntax and reported: generated code cannot extend the block.
    /// </summary>
    internal static class UnseenTargets
    {
        /// <summary>A method with attributes in a type declaration of a kind this assembly's <see cref="SyntaxKind"/> does not know.</summary>
        public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
            => node is MethodDeclarationSyntax { AttributeLists.Count: > 0, Parent: TypeDeclarationSyntax parent }
               && !parent.IsKind(SyntaxKind.ClassDeclaration)
               && !parent.IsKind(SyntaxKind.StructDeclaration)
               && !parent.IsKind(SyntaxKind.RecordDeclaration)
               && !parent.IsKind(SyntaxKind.RecordStructDeclaration)
               && !parent.IsKind(SyntaxKind.InterfaceDeclaration);

        public static DiagnosticInfo? Check(GeneratorSyntaxContext context, CancellationToken cancellationToken)
        {
            var declaration = (MethodDeclarationSyntax)context.Node;
            if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not { ContainingType: { } type } method
                || !type.IsExtensionBlock()
                || OptionsSpec.Of(method) is null)
            {
                return null;
            }

            return DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedMethod,
                LocationInfo.From(declaration.Identifier.GetLocation()),
                method.Name,
                "it is a member of an extension block, which generated code cannot extend; declare it as an extension method (a static method with a this parameter)");
        }
    }
}

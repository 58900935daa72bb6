using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TaskGraph.Analyzers.Graph;

/// <summary>
/// The elements of a collection expression (<c>[a, b, ..rest]</c>) as operations. Roslyn 4.8, which the
/// analyzers compile against (the generator's floor), has the syntax but not yet
/// <c>ICollectionExpressionOperation</c>/<c>ISpreadOperation</c> (4.9 added them): a 4.8 host gives an
/// operation of kind None, a newer one the real operation. Both hold the elements as their children,
/// so reading children by syntax works on every host.
/// </summary>
internal static class CollectionElements
{
    /// <summary>The elements of <paramref name="collection"/>, an operation on a <see cref="CollectionExpressionSyntax"/>.</summary>
    public static ImmutableArray<IOperation> Of(IOperation collection) => collection.ChildOperations.ToImmutableArray();

    /// <summary>The sequence that <paramref name="element"/> spreads (<c>..rest</c>), or null for a plain element.</summary>
    public static IOperation? SpreadOperand(IOperation element)
        => element.Syntax is SpreadElementSyntax ? element.ChildOperations.FirstOrDefault() : null;
}

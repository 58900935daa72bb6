using System.Threading.Tasks;
using TaskGraph.Analyzers.Rules;
using TaskGraph.CodeFixes;
using Xunit;

namespace TaskGraph.Analyzers.Tests;

public sealed class MakeContainingTypesPartialCodeFixTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Adds_partial_to_every_type_around_the_method(bool fixAll) => CodeFixVerifier.VerifyAsync(
        new ContainingTypeNotPartialAnalyzer(),
        new MakeContainingTypesPartialCodeFixProvider(),
        DiagnosticIds.ContainingTypeMustBePartial,
        """
        using TaskGraph;

        namespace Shop.Tools
        {
            public static class Outer
            {
                internal sealed class Inner
                {
                    [Delayed] public static int Double(int x) => x * 2;

                    [Delayed] public static int Triple(int x) => x * 3;
                }
            }

            /// <summary>Bare.</summary>
            class Bare
            {
                [Delayed] public int Same(int x) => x;
            }
        }
        """,
        fixAll
            ? """
              using TaskGraph;

              namespace Shop.Tools
              {
                  public static partial class Outer
                  {
                      internal sealed partial class Inner
                      {
                          [Delayed] public static int Double(int x) => x * 2;

                          [Delayed] public static int Triple(int x) => x * 3;
                      }
                  }

                  /// <summary>Bare.</summary>
                  partial class Bare
                  {
                      [Delayed] public int Same(int x) => x;
                  }
              }
              """
            : """
              using TaskGraph;

              namespace Shop.Tools
              {
                  public static partial class Outer
                  {
                      internal sealed partial class Inner
                      {
                          [Delayed] public static int Double(int x) => x * 2;

                          [Delayed] public static int Triple(int x) => x * 3;
                      }
                  }

                  /// <summary>Bare.</summary>
                  class Bare
                  {
                      [Delayed] public int Same(int x) => x;
                  }
              }
              """,
        fixAll);
}

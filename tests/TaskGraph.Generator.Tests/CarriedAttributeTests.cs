using System.Linq;
using Microsoft.CodeAnalysis;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>
/// What a method's attributes tell its callers, its wrapper tells them too; and the wrapper's own call of the
/// method never makes generated code the place of an error.
/// </summary>
public class CarriedAttributeTests
{
    private const string Steps = """
        using System.Diagnostics.CodeAnalysis;
        public partial class Steps
        {
            [Experimental("X001", UrlFormat = "https://example.com/{0}")] [Delayed] public static int Preview(int x) => x;
            [Obsolete("Use Next", DiagnosticId = "X002")] [Delayed] public static int Old(int x) => x;
            [Obsolete("Gone", true)] [Delayed] public static int Gone(int x) => x;
            [RequiresUnreferencedCode("Reflects")] [RequiresDynamicCode("Emits")] [Delayed] public static int Reflect(int x) => x;
        }
        """;

    [Fact]
    public void Generated_code_reports_nothing_for_experimental_obsolete_and_trimming_unsafe_methods()
    {
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + Steps);

        var wrapper = (IMethodSymbol)run.Output.GetTypeByMetadataName("Steps")!.GetMembers("ReflectDelayed").Single();
        Assert.Equal(
            ["RequiresUnreferencedCodeAttribute(\"Reflects\")", "RequiresDynamicCodeAttribute(\"Emits\")"],
            wrapper.GetAttributes().Where(a => a.AttributeClass!.Name.StartsWith("Requires", System.StringComparison.Ordinal))
                .Select(a => $"{a.AttributeClass!.Name}(\"{a.ConstructorArguments.Single().Value}\")"));
    }

    [Fact]
    public void Callers_of_the_wrappers_get_the_methods_own_diagnostic_ids()
    {
        var run = GeneratorRun.Start(GeneratorAssert.Usings + Steps + """
            public static class Use
            {
                public static int A() => Steps.PreviewDelayed(1).Compute();
                public static int B() => Steps.OldDelayed(1).Compute();
                public static int C() => Steps.GoneDelayed(1).Compute();
            }
            """);

        var problems = run.OutputWarningsAndErrors;
        Assert.All(problems, d => Assert.Equal("Source0.cs", d.Location.SourceTree!.FilePath));
        Assert.Equal(["CS0619", "X001", "X002"], problems.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        Assert.Contains("https://example.com/X001", problems.Single(d => d.Id == "X001").Descriptor.HelpLinkUri, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_protected_override_in_a_sealed_type_gets_a_private_wrapper()
    {
        object? result = GeneratedCode.Run("""
            public abstract class Shape { protected abstract int Area(int side); }
            public sealed partial class Square : Shape
            {
                [Delayed] protected override int Area(int side) => side * side;
                public int Lazily(int side) => AreaDelayed(side).Compute();
            }
            public static class Program
            {
                public static string Run() => new Square().Lazily(3).ToString();
            }
            """);

        Assert.Equal("9", result);
    }
}

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>TG0012 (a checkpointed method's types must be storable) and the code version written into descriptors.</summary>
public class CheckpointTests
{
    [Theory]
    [InlineData("public static System.IO.Stream Open(string path) => null!;", "its result", "is a stream")]
    [InlineData("public static Task<Func<int>> MakeAsync(int x) => null!;", "its result", "is a delegate")]
    [InlineData("public static int Count(System.Collections.Generic.List<System.IO.Stream> streams) => 0;", "parameter 'streams'", "holds 'System.IO.Stream', which is a stream")]
    [InlineData("public static int Name(System.Type type) => 0;", "parameter 'type'", "is a reflection object")]
    [InlineData("public static int Wait(Task task) => 0;", "parameter 'task'", "is a task")]
    public void TG0012_a_checkpointed_method_with_a_type_that_cannot_be_stored(string method, string what, string reason)
    {
        var run = GeneratorRun.Start(GeneratorAssert.Usings + "public static partial class Etl { [Delayed(Checkpoint = true)] " + method + " }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TG0012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(what, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Contains(reason, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("[Delayed(Checkpoint = true)] public static long[] Transform(long[] batch, CancellationToken ct) => batch;")]
    [InlineData("[Delayed(Checkpoint = true)] public static Task<string> LoadAsync(string path, CancellationToken ct) => Task.FromResult(path);")]
    [InlineData("[Delayed(Checkpoint = true)] public static Task SaveAsync(string path) => Task.CompletedTask;")]
    [InlineData("[Delayed] public static System.IO.Stream Open(string path) => null!;")]
    public void Storable_or_not_checkpointed_methods_get_their_wrappers(string method)
    {
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + "public static partial class Etl { " + method + " }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void The_checkpoint_option_and_the_code_version_are_in_the_descriptor()
    {
        string text = GeneratorAssert.SingleSource(GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + "public static partial class Etl { [Delayed(Checkpoint = true)] public static int Twice(int x) => 2 * x; }"));

        Assert.Matches(@"\|Twice\|x\|Value\|Checkpoint\|Version=[0-9a-f]{16}""", text);
    }

    [Fact]
    public void A_plain_method_carries_its_code_version_too_so_an_edit_upstream_changes_stored_keys_below_it()
    {
        string text = GeneratorAssert.SingleSource(GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + "public static partial class Etl { [Delayed] public static int Twice(int x) => 2 * x; }"));

        Assert.Matches(@"\|Twice\|x\|Value\|Version=[0-9a-f]{16}""", text);
    }

    [Fact]
    public void The_code_version_ignores_comments_whitespace_and_attributes_but_not_code()
    {
        string original = Version("[Delayed] public static int Twice(int x) => 2 * x;");

        Assert.Equal(original, Version("[Delayed(Pure = true)]\n  public static int Twice( int x ) // doubles\n    => 2 * /* two */ x;"));
        Assert.NotEqual(original, Version("[Delayed] public static int Twice(int x) => 3 * x;"));
        Assert.NotEqual(original, Version("[Delayed] public static long Twice(int x) => 2 * x;"));
    }

    private static string Version(string method)
    {
        var declaration = CSharpSyntaxTree.ParseText("class C { " + method + " }").GetRoot()
            .DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();
        return CodeVersions.Of(declaration);
    }
}

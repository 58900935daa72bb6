using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>
/// Shapes that cannot be wrapped are never silent: each gets a diagnostic at the user's method (or lambda), and
/// nothing is generated for it.
/// </summary>
public class UnwrappableShapeTests
{
    [Fact]
    public void An_async_void_method_is_reported()
    {
        var run = GeneratorRun.Start(GeneratorAssert.Usings + "public static partial class Steps { [Delayed] public static async void Fire(int x) { await Task.Yield(); } }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TG0008", diagnostic.Id);
        Assert.Contains("async void", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void A_delayed_lambda_is_reported_at_the_lambda()
    {
        const string Source = GeneratorAssert.Usings + "public static class Steps { public static Func<int, int> Twice = [Delayed] (int x) => 2 * x; }";
        var run = GeneratorRun.Start(Source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TG0008", diagnostic.Id);
        Assert.Contains("lambda", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(Source.IndexOf("(int x)", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void A_member_of_an_extension_block_is_reported()
    {
        // C# 14 extension blocks; the generator compiles against an older Roslyn, so it recognises them without the new API.
        var compilation = TestCompilation.Create().AddSyntaxTrees(ExtensionBlock("Source0.cs"));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var run = GeneratorRun.Start(compilation);

        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TG0008", diagnostic.Id);
        Assert.Contains("extension block", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Empty(run.GeneratedSources);
    }

    /// <summary>A file with a <c>[Delayed]</c> member of a C# 14 extension block (parsed as the preview language here).</summary>
    internal static SyntaxTree ExtensionBlock(string path)
        => CSharpSyntaxTree.ParseText(
            GeneratorAssert.Usings + "public static partial class Texts { extension(string s) { [Delayed] public int Twice(int x) => s.Length * x; } }",
            new CSharpParseOptions(LanguageVersion.Preview),
            path);
}

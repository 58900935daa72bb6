using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>
/// Each diagnostic fires at the method's name, the method gets no wrapper, and what is generated for the
/// other methods still compiles. Test sources mark the expected span with <c>{|</c> and <c>|}</c>.
/// </summary>
public class DiagnosticTests
{
    [Theory]
    [InlineData("public static class Etl { [Delayed] public static int {|Load|}() => 1; }", "'Etl' is not declared partial")]
    [InlineData("public class Outer { public partial class Inner { [Delayed] public static int {|Load|}() => 1; } }", "'Outer' is not declared partial")]
    [InlineData("public partial class Outer { public class Inner { [Delayed] public static int {|Load|}() => 1; } }", "'Inner' is not declared partial")]
    public void TG0001_containing_type_not_partial(string source, string message)
        => AssertSingleDiagnostic(source, "TG0001", message);

    [Theory]
    [InlineData("public static partial class Etl { [Delayed] public static int {|Load|}(ref int x) => x; }", "(ref)")]
    [InlineData("public static partial class Etl { [Delayed] public static void {|Load|}(out int x) => x = 1; }", "(out)")]
    [InlineData("public static partial class Etl { [Delayed] public static int {|Load|}(in int x) => x; }", "(in)")]
    [InlineData("public static partial class Etl { [Delayed] public static int {|Load|}(ref readonly int x) => x; }", "(ref readonly)")]
    [InlineData("public static partial class Etl { [Delayed] public static int {|Twice|}(this ref int x) => x; }", "(ref)")]
    public void TG0002_by_reference_parameter(string source, string message)
        => AssertSingleDiagnostic(source, "TG0002", message);

    [Theory]
    [InlineData("public static partial class Etl { private static int field; [Delayed] public static ref int {|Load|}() => ref field; }")]
    [InlineData("public static partial class Etl { private static int field; [Delayed] public static ref readonly int {|Load|}() => ref field; }")]
    public void TG0003_by_reference_return(string source)
        => AssertSingleDiagnostic(source, "TG0003", "returns by reference");

    [Theory]
    [InlineData("public static partial class Etl { [Delayed] public static int {|Load|}(Span<int> data) => 0; }", "parameter 'data'")]
    [InlineData("public static partial class Etl { [Delayed] public static ReadOnlySpan<char> {|Load|}(string s) => s; }", "its return type")]
    [InlineData("public static unsafe partial class Etl { [Delayed] public static int {|Load|}(int* p) => 0; }", "parameter 'p'")]
    [InlineData("public static unsafe partial class Etl { [Delayed] public static int {|Load|}(int*[] p) => 0; }", "parameter 'p'")]
    [InlineData("public static unsafe partial class Etl { [Delayed] public static int {|Load|}(delegate*<int, int> f) => 0; }", "parameter 'f'")]
    [InlineData("public static partial class Etl { [Delayed] public static int {|Load|}<T>(T value) where T : allows ref struct => 0; }", "parameter 'value'")]
    public void TG0004_ref_struct_or_pointer(string source, string message)
        => AssertSingleDiagnostic(source, "TG0004", message);

    [Theory]
    [InlineData("public static partial class Etl { public static Delayed<int> LoadDelayed(Delayed<int> x) => x; [Delayed] public static int {|Load|}(int x) => x; }", "declared in the type")]
    [InlineData("public static partial class Etl { public static int LoadDelayed => 1; [Delayed] public static int {|Load|}(int x) => x; }", "declared in the type")]
    [InlineData("public partial class LoadDelayed { [Delayed] public static int {|Load|}(int x) => x; }", "declared in the type")]
    [InlineData("public class Base { public Delayed<int> LoadDelayed(Delayed<string> s) => 0; } public partial class Etl : Base { [Delayed] public int {|Load|}(string s) => 0; }", "declared in the type or a base type")]
    [InlineData("public partial class Base { [Delayed] public virtual int Area(int x) => x; } public partial class Square : Base { [Delayed] public override int {|Area|}(int x) => x; }", "declared in the type or a base type")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load(string path) => 0; [Delayed] public static Task<int> {|LoadAsync|}(string path, CancellationToken ct) => Task.FromResult(0); }", "the wrapper of [Delayed] method 'Load' declared before it")]
    [InlineData("public static partial class Etl { [Delayed] public static T Pick<T>(T x) => x; [Delayed] public static Task<U> {|PickAsync|}<U>(U y) => Task.FromResult(y); }", "the wrapper of [Delayed] method 'Pick' declared before it")]
    [InlineData("public static partial class Etl { [Delayed] public static int Load(string path) => 0; [Delayed(Name = \"LoadDelayed\")] public static Task<int> {|LoadAsync|}(string path) => Task.FromResult(0); }", "the wrapper of [Delayed] method 'Load' declared before it")]
    [InlineData("public static partial class Etl { [Delayed(Name = \"Lazy\")] public static int Load(string path) => 0; [Delayed(Name = \"Lazy\")] public static int {|Fetch|}(string url) => 0; }", "the wrapper of [Delayed] method 'Load' declared before it")]
    [InlineData("public static partial class Etl { public static int Lazy => 1; [Delayed(Name = \"Lazy\")] public static int {|Load|}(string path) => 0; }", "declared in the type")]
    [InlineData("public partial class Base { [Delayed(Name = \"Lazy\")] public int Load(string path) => 0; } public partial class Etl : Base { [Delayed(Name = \"Lazy\")] public int {|Fetch|}(string url) => 0; }", "declared in the type or a base type")]
    public void TG0005_name_clash(string source, string message)
        => AssertSingleDiagnostic(source, "TG0005", message);

    [Fact]
    public void TG0005_leaves_unrelated_overloads_alone()
    {
        // Different parameter types: two overloads, no clash.
        var run = GeneratorAssert.CompilesCleanly(GeneratorAssert.Usings + """
            public static partial class Etl
            {
                public static Delayed<int> LoadDelayed(Delayed<string> path) => 0;
                [Delayed] public static int Load(int id) => id;
            }
            """);
        Assert.Equal(2, GeneratorAssert.MethodNames(run, "Etl").Count(n => n == "LoadDelayed"));
    }

    [Fact]
    public void TG0006_method_in_interface()
        => AssertSingleDiagnostic("public partial interface IEtl { [Delayed] int {|Load|}(int x); }", "TG0006", "interface 'IEtl'");

    [Fact]
    public void TG0007_instance_method_of_ref_struct()
        => AssertSingleDiagnostic("public ref partial struct Buffer { [Delayed] public int {|Size|}(int x) => x; }", "TG0007", "ref struct 'Buffer'");

    [Theory]
    [InlineData("public static partial class Etl { public static int Run() { return Local(); [Delayed] static int {|Local|}() => 1; } }", "local function")]
    [InlineData("public partial class Money { [Delayed] public static Money operator {|+|}(Money a, Money b) => a; }", "operator")]
    [InlineData("public partial class Money { [Delayed] public static implicit operator {|int|}(Money a) => 0; }", "operator")]
    [InlineData("public partial class Worker : IDisposable { [Delayed] void IDisposable.{|Dispose|}() { } }", "explicit interface implementation")]
    [InlineData("public partial class Worker { public int Size { [Delayed] {|get|}; set; } }", "accessor")]
    [InlineData("public static partial class Etl { [Delayed] public static int {|Sum|}(params List<int> values) => 0; }", "params collection")]
    [InlineData("public static partial class Etl { [Delayed] public static int {|Count|}(__arglist) => 0; }", "__arglist")]
    public void TG0008_unsupported_method(string source, string message)
        => AssertSingleDiagnostic(source, "TG0008", message);

    [Fact]
    public void TG0009_file_local_containing_type()
        => AssertSingleDiagnostic("file partial class Etl { [Delayed] public static int {|Load|}() => 1; public static int Use() => Load(); }", "TG0009", "'Etl' is file-local");

    [Theory]
    [InlineData("public static partial class Etl { [Delayed(Name = \"\")] public static int {|Load|}() => 1; }", "Name \"\" cannot name a method (it is empty)")]
    [InlineData("public static partial class Etl { [Delayed(Name = \"class\")] public static int {|Load|}() => 1; }", "Name \"class\" cannot name a method (it is a keyword)")]
    [InlineData("public static partial class Etl { [Delayed(Name = \"Load Later\")] public static int {|Load|}() => 1; }", "Name \"Load Later\" cannot name a method (it is not an identifier)")]
    [InlineData("public static partial class Etl { [Delayed(Name = \"1Load\")] public static int {|Load|}() => 1; }", "(it is not an identifier)")]
    public void TG0011_wrapper_name_not_an_identifier(string source, string message)
        => AssertSingleDiagnostic(source, "TG0011", message);

    [Fact]
    public void A_method_with_several_problems_gets_each_reported_once()
    {
        var run = GeneratorRun.Start(GeneratorAssert.Usings + "public static class Etl { [Delayed] public static int Load(ref int a, Span<int> b) => 0; }");
        Assert.Equal(new[] { "TG0001", "TG0002", "TG0004" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
        Assert.Empty(run.GeneratedSources);
    }

    private static void AssertSingleDiagnostic(string markedSource, string id, string messagePart)
    {
        int start = markedSource.IndexOf("{|", System.StringComparison.Ordinal);
        int end = markedSource.IndexOf("|}", System.StringComparison.Ordinal) - 2;
        string source = GeneratorAssert.Usings + markedSource.Replace("{|", string.Empty).Replace("|}", string.Empty);
        var expectedSpan = new TextSpan(GeneratorAssert.Usings.Length + start, end - start);

        var run = GeneratorRun.Start(source);

        Assert.Null(run.Result.Exception);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(messagePart, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(expectedSpan, diagnostic.Location.SourceSpan);
        var expectedLines = run.Input.SyntaxTrees.Single().GetLineSpan(expectedSpan).Span;
        Assert.Equal(expectedLines, diagnostic.Location.GetLineSpan().Span);

        // The method got no wrapper, and the rest (user code and any other generated code) compiles cleanly.
        var tree = run.Input.SyntaxTrees.Single();
        var declaration = tree.GetRoot().FindToken(expectedSpan.Start).Parent!.AncestorsAndSelf()
            .First(node => run.Input.GetSemanticModel(tree).GetDeclaredSymbol(node) is IMethodSymbol);
        string methodId = run.Input.GetSemanticModel(tree).GetDeclaredSymbol(declaration)!.GetDocumentationCommentId()!;
        Assert.DoesNotContain(run.GeneratedSources.Values, text => text.Contains($"DelayedWrapper(\"{methodId}\")", System.StringComparison.Ordinal));
        var problems = run.OutputWarningsAndErrors;
        Assert.True(problems.IsEmpty, TestCompilation.Describe(problems));
    }
}

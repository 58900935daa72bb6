using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>TG0013: in an assembly that sets <c>TaskGraphDistributed</c>, a method that cannot run on a cluster is warned about.</summary>
public class TravelTests
{
    [Theory]
    [InlineData("public static int Apply(Func<int, int> f) => f(1);", "parameter 'f' has type 'System.Func<int, int>', which is a delegate")]
    [InlineData("public static System.IO.Stream Open(string path) => null!;", "its result has type 'System.IO.Stream', which is a stream")]
    [InlineData("public static Task<System.IO.Stream> OpenAsync(string path) => null!;", "its result has type 'System.IO.Stream', which is a stream")]
    [InlineData("public static int Count(List<Action> actions) => actions.Count;", "parameter 'actions' has type 'System.Collections.Generic.List<System.Action>', which holds 'System.Action', which is a delegate")]
    public void TG0013_a_parameter_or_result_that_cannot_travel(string method, string reason)
    {
        var run = Run(GeneratorAssert.Usings + "namespace Ns; public static partial class Etl { [Delayed] " + method + " }", ("TaskGraphDistributed", "true"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TG0013", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.EndsWith("cannot run on a cluster: " + reason, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Single(run.GeneratedSources); // a warning: the method keeps its wrapper for computes on one machine
    }

    [Theory]
    [InlineData("public partial class Pipeline { private readonly Func<int> source = () => 1; [Delayed] public int Next(int x) => x + source(); }",
        "it is an instance method of 'Ns.Pipeline'; only static methods run on a cluster, their instance does not travel")]
    [InlineData("public sealed partial class Connection : IDisposable { public void Dispose() { } [Delayed] public int Read(int x) => x; }",
        "it is an instance method of 'Ns.Connection', which holds a resource (it is IDisposable); only static methods run on a cluster")]
    public void TG0013_an_instance_method(string type, string reason)
    {
        var run = Run(GeneratorAssert.Usings + "namespace Ns; " + type, ("TaskGraphDistributed", "True "));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("TG0013", diagnostic.Id);
        Assert.Equal("Method '" + (type.Contains("Next") ? "Next" : "Read") + "' cannot run on a cluster: " + reason, diagnostic.GetMessage());
    }

    [Fact]
    public void One_warning_per_cause_at_the_method()
    {
        const string Source = GeneratorAssert.Usings + "namespace Ns; public partial class Etl { [Delayed] public Action Make(Func<int> f, int x) => null!; }";

        var run = Run(Source, ("TaskGraphDistributed", "true"));

        Assert.Equal(
            ["parameter 'f'", "its result", "it is an instance method"],
            run.GeneratorDiagnostics.Select(d => d.GetMessage().Split(": ")[1].Split(" has type")[0].Split(" of ")[0]).ToArray());
        var declaration = run.Input.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single();
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal(declaration.Identifier.Span, d.Location.SourceSpan));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("")]
    [InlineData("yes")]
    public void Not_reported_unless_the_assembly_opts_in(string? value)
    {
        const string Source = GeneratorAssert.Usings + "namespace Ns; public partial class Etl { [Delayed] public System.IO.Stream Open(Func<int> f) => null!; }";

        var run = value is null ? Run(Source) : Run(Source, ("TaskGraphDistributed", value));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.GeneratedSources);
        // The control: the same source in an assembly that opts in.
        Assert.Equal(3, Run(Source, ("TaskGraphDistributed", "true")).GeneratorDiagnostics.Length);
    }

    /// <summary>A method that is warned about, beside the one a test is about: proof that the warning is on.</summary>
    private const string Control = " [Delayed] public static int Apply(Func<int> f) => f();";

    [Theory]
    [InlineData("[Delayed] public static double Mean(IReadOnlyList<double> values, CancellationToken ct) => 0;")]
    [InlineData("[Delayed] public static Task<Dictionary<string, int[]>> CountAsync(string[] words) => null!;")]
    [InlineData("[Delayed] public static Task SaveAsync(string path) => Task.CompletedTask;")]
    [InlineData("[Delayed] public static void Log(DateTime at, decimal amount, (int, string) pair) { }")]
    [InlineData("[Delayed(Checkpoint = true)] public static Data Load(Data data) => data;")]
    public void Not_reported_for_plain_data(string method)
    {
        var run = Run(GeneratorAssert.Usings + "namespace Ns; public sealed record Data(int[] Values); public static partial class Etl { " + method + Control + " }", ("TaskGraphDistributed", "true"));

        Assert.StartsWith("Method 'Apply' cannot run on a cluster", Assert.Single(run.GeneratorDiagnostics).GetMessage(), System.StringComparison.Ordinal);
        Assert.Single(run.GeneratedSources);
        Assert.Empty(run.OutputWarningsAndErrors);
    }

    [Theory]
    [InlineData("[Delayed] public static int Length(ReadOnlySpan<char> text) => text.Length;", "TG0004")]
    [InlineData("[Delayed] public static unsafe int Read(int* p) => *p;", "TG0004")]
    [InlineData("[Delayed(Checkpoint = true)] public static System.IO.Stream Open(string path) => null!;", "TG0012")]
    [InlineData("[Delayed(Checkpoint = true)] public static int Call(Func<int> f) => f();", "TG0012")]
    public void A_method_with_an_error_for_the_same_cause_gets_no_second_diagnostic(string method, string error)
    {
        var run = Run(GeneratorAssert.Usings + "namespace Ns; public static partial class Etl { " + method + Control + " }", ("TaskGraphDistributed", "true"));

        Assert.Equal([error, "TG0013 Apply"], run.GeneratorDiagnostics.Select(d => d.Id == "TG0013" ? "TG0013 " + d.GetMessage().Split('\'')[1] : d.Id).Order());
    }

    [Fact]
    public void A_checkpointed_instance_method_is_warned_about_its_instance()
    {
        var run = Run(GeneratorAssert.Usings + "namespace Ns; public partial class Etl { [Delayed(Checkpoint = true)] public int Twice(int x) => 2 * x; }", ("TaskGraphDistributed", "true"));

        Assert.Equal("Method 'Twice' cannot run on a cluster: it is an instance method of 'Ns.Etl'; only static methods run on a cluster, their instance does not travel", Assert.Single(run.GeneratorDiagnostics).GetMessage());
    }

    [Fact]
    public void Turning_the_property_on_and_off_reparses_nothing()
    {
        const string Source = GeneratorAssert.Usings + "namespace Ns; public static partial class Etl { [Delayed] public static int Apply(Func<int> f) => f(); [Delayed] public static int Twice(int x) => 2 * x; }";
        var off = Run(Source);

        var on = GeneratorRun.Continue(off.Driver.WithUpdatedAnalyzerConfigOptions(Options(("TaskGraphDistributed", "true"))), off.Input);
        var offAgain = GeneratorRun.Continue(on.Driver.WithUpdatedAnalyzerConfigOptions(Options()), on.Input);

        Assert.Empty(off.GeneratorDiagnostics);
        Assert.Equal("TG0013", Assert.Single(on.GeneratorDiagnostics).Id);
        Assert.Empty(offAgain.GeneratorDiagnostics);
        foreach (var run in new[] { on, offAgain })
        {
            Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(run, DelayedGenerator.StepNames.Distributed)));
            Assert.All(Outputs(run, DelayedGenerator.StepNames.Methods), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
            Assert.All(Outputs(run, DelayedGenerator.StepNames.Types), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }
    }

    [Fact]
    public void Editing_a_method_body_changes_only_that_methods_model_in_an_assembly_that_opts_in()
    {
        const string Source = GeneratorAssert.Usings + "namespace Ns; public partial class Etl { [Delayed] public int Twice(int x) => 2 * x; [Delayed] public int Apply(Func<int> f) => f(); }";
        var first = Run(Source, ("TaskGraphDistributed", "true"));
        var tree = first.Input.SyntaxTrees.Single();
        var edited = first.Input.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(Source.IndexOf("2 * x", System.StringComparison.Ordinal), "2 * x".Length, "x + x + 0")));

        var second = GeneratorRun.Continue(first.Driver, edited);

        // The edited method's model changes by its code version (resumable computes key on it); the travel
        // warnings, which carry locations, stay out of the models, so the other method's model stays cached.
        Assert.Equal(3, second.GeneratorDiagnostics.Length);
        var reasons = Outputs(second, DelayedGenerator.StepNames.Methods);
        Assert.Equal(1, reasons.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.All(reasons.Where(reason => reason != IncrementalStepRunReason.Modified), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    /// <summary>Runs the generator with these MSBuild properties, as the compiler passes them (<c>build_property.</c>).</summary>
    private static GeneratorRun Run(string source, params (string Property, string Value)[] properties)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new DelayedGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            optionsProvider: Options(properties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var compilation = TestCompilation.Create(source);
        return GeneratorRun.Continue(driver, compilation.WithOptions(compilation.Options.WithAllowUnsafe(true)));
    }

    private static EditorConfigOptions Options(params (string Property, string Value)[] properties)
        => new(properties.Select(p => ("build_property." + p.Property, p.Value)).ToArray());

    private static List<IncrementalStepRunReason> Outputs(GeneratorRun run, string step)
        => run.Result.TrackedSteps[step].SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
}

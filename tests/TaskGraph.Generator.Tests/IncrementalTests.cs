using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskGraph.Testing;
using Xunit;

namespace TaskGraph.Generator.Tests;

/// <summary>
/// Unrelated edits leave every tracked step cached or unchanged, and the models that flow between steps
/// hold no symbols, syntax, locations or compilations (which would keep old compilations alive and defeat caching).
/// </summary>
public class IncrementalTests
{
    private static readonly string[] TrackedSteps =
    [
        DelayedGenerator.StepNames.Methods,
        DelayedGenerator.StepNames.MethodDiagnostics,
        DelayedGenerator.StepNames.Types,
    ];

    private const string Etl = GeneratorAssert.Usings + """
        namespace Ns;
        public sealed class Data { }
        public static partial class Etl
        {
            [Delayed] public static async Task<Data> LoadAsync(string path, CancellationToken ct)
            {
                await Task.Yield();
                return new Data();
            }

            [Delayed] public static Data Process(Data data, Data reference) => data;
            [Delayed] public static double Reduction(IReadOnlyList<double> scores, int bonus = 1) => scores.Count + bonus;
        }

        public partial class Worker<T>
        {
            [Delayed] public T Echo(T value) => value;
        }
        """;

    // In a file of its own: a diagnostic's position is part of it, so edits above it rightly update it.
    private const string Broken = GeneratorAssert.Usings + """
        namespace Ns;
        public static partial class Etl
        {
            [Delayed] public static int Broken(ref int x) => x;
            public static readonly Func<int, int> Lambda = [Delayed] (int x) => x;
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached()
    {
        var first = GeneratorRun.Start(Etl, Broken);
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int Value { get; set; } }", TestCompilation.ParseOptions, "Unrelated.cs"));

        var second = GeneratorRun.Continue(first.Driver, edited);

        AssertAllStepsReused(second);
        Assert.Equal(first.GeneratedSources, second.GeneratedSources);
    }

    [Fact]
    public void Editing_a_delayed_method_body_changes_only_its_code_version()
    {
        // Keys of stored results include every upstream method's code version (docs/resume.md), so a body edit must
        // reach the descriptor; nothing else of the output may change.
        var first = GeneratorRun.Start(Etl, Broken);
        var tree = first.Input.SyntaxTrees.First();
        var edited = first.Input.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(
            Etl.IndexOf("return new Data();", StringComparison.Ordinal), "return new Data();".Length, "var made = new Data(); return made;")));

        var second = GeneratorRun.Continue(first.Driver, edited);

        Assert.Equal(first.GeneratedSources.Keys, second.GeneratedSources.Keys);
        var changed = first.GeneratedSources.Where(source => source.Value != second.GeneratedSources[source.Key]).ToList();
        var (name, before) = Assert.Single(changed);
        Assert.NotEqual(CodeVersions(before), CodeVersions(second.GeneratedSources[name]));
        Assert.Equal(WithoutCodeVersions(before), WithoutCodeVersions(second.GeneratedSources[name]));
    }

    [Fact]
    public void Changing_a_delayed_signature_is_seen()
    {
        // The control for the tests above: a real change must come through as a modified model.
        var first = GeneratorRun.Start(Etl, Broken);
        var tree = first.Input.SyntaxTrees.First();
        var edited = first.Input.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(
            Etl.IndexOf("Data reference", StringComparison.Ordinal), "Data reference".Length, "Data reference, int weight")));

        var second = GeneratorRun.Continue(first.Driver, edited);

        var reasons = StepOutputs(second, DelayedGenerator.StepNames.Types).Select(o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains("weight", second.GeneratedSources["Ns.Etl.Delayed.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_syntax_locations_or_compilations()
    {
        var run = GeneratorRun.Start(Etl, Broken);
        int walked = 0;
        foreach (string step in TrackedSteps)
        {
            foreach (var (value, _) in StepOutputs(run, step))
            {
                walked++;
                AssertHoldsNoCompilerObjects(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }

        // Methods: 6 results (the lambda's among them); diagnostics: 2; types: 2.
        Assert.Equal(10, walked);
    }

    [Fact]
    public void An_extension_block_diagnostic_stays_cached_when_an_unrelated_file_is_added()
    {
        // Extension blocks need the preview language here; that step has a test of its own.
        var tree = UnwrappableShapeTests.ExtensionBlock("Extensions.cs");
        var first = GeneratorRun.Start(TestCompilation.Create().AddSyntaxTrees(tree));
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", (CSharpParseOptions)tree.Options, "Unrelated.cs"));

        var second = GeneratorRun.Continue(first.Driver, edited);

        var outputs = StepOutputs(second, DelayedGenerator.StepNames.UnseenTargetDiagnostics);
        Assert.Single(outputs);
        Assert.All(outputs, output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
        AssertHoldsNoCompilerObjects(outputs.Single().Value, DelayedGenerator.StepNames.UnseenTargetDiagnostics, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static void AssertAllStepsReused(GeneratorRun run)
    {
        foreach (string step in TrackedSteps)
        {
            var outputs = StepOutputs(run, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} produced {output.Reason} for {output.Value}"));
        }
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> StepOutputs(GeneratorRun run, string step)
    {
        Assert.True(run.Result.TrackedSteps.TryGetValue(step, out var runs), $"Step {step} was not tracked.");
        return runs.SelectMany(r => r.Outputs).ToList();
    }

    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(AttributeData)];

    private static void AssertHoldsNoCompilerObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.FullName}.");
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            int index = 0;
            foreach (object? item in sequence)
            {
                AssertHoldsNoCompilerObjects(item, $"{path}[{index++}]", visited);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertHoldsNoCompilerObjects(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }

    private static readonly Regex CodeVersion = new(@"\|Version=[0-9a-f]{16}", RegexOptions.CultureInvariant);

    private static string[] CodeVersions(string source) => CodeVersion.Matches(source).Select(match => match.Value).ToArray();

    private static string WithoutCodeVersions(string source) => CodeVersion.Replace(source, "|Version=");
}

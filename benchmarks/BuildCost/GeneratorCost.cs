using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TaskGraph.Testing;
using static TaskGraph.Benchmarking.Measure;

namespace BuildCost;

/// <summary>
/// The generator in-process (CSharpGeneratorDriver, step tracking on) on the 1,000 methods: a first run,
/// then re-runs of the same driver after edits that must leave every tracked step Cached or Unchanged.
/// </summary>
internal static class GeneratorCost
{
    /// <summary>
    /// The generator's own tracked steps (TaskGraph.Generator.DelayedGenerator.StepNames). The third,
    /// MethodDiagnostics, is recorded only when some method has a diagnostic, and none here has.
    /// </summary>
    private static readonly string[] GeneratorSteps = { "Methods", "Types" };

    private static readonly Edit[] Edits =
    {
        new("a pipeline's body (Pipelines.cs, no [Delayed] method)", compilation => ReplaceFirst(compilation, GeneratedProject.PipelinesFile, "Smooth9Delayed(b, 3)", "Smooth9Delayed(b, 4)")),
        new("a new file without [Delayed] methods", compilation => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Bench; public static class Unrelated { public static int Value => 1; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, "Unrelated.cs"))),
        new("a [Delayed] method's body (Steps0.Scale0)", compilation => ReplaceFirst(compilation, "Steps0.cs", "x * y + 0;", "x * y + 100;")),
    };

    /// <summary>
    /// Runs and reports; false when an edit re-ran a step or the generated code does not compile. Times
    /// are of drivers without step tracking, as the compiler and the IDE run them; a tracked driver
    /// checks each edit.
    /// </summary>
    public static bool Run(int runs, TextWriter output)
    {
        var sources = GeneratedProject.Sources(ProjectVariant.FullTaskGraph);
        output.WriteLine(Invariant($"Generator, in-process on {GeneratedProject.Classes * GeneratedProject.MethodsPerClass} [Delayed] methods in {GeneratedProject.Classes} classes; load average {LoadAverage():F2}"));

        Compilation coldCompilation = BuildCompilation.Create(sources);
        TimeSpan coldTime = Time(() => BuildCompilation.CreateDriver().RunGenerators(coldCompilation));
        if (!CheckFirstRun(GeneratorRun.Start(TestCompilation.Create(sources)), output))
        {
            return false;
        }

        var firstRuns = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            Compilation compilation = BuildCompilation.Create(sources);
            firstRuns.Add(Time(() => BuildCompilation.CreateDriver().RunGenerators(compilation)).TotalMilliseconds);
        }

        output.WriteLine(Invariant($"  first run, cold (first in the process, JIT included): {coldTime.TotalMilliseconds,8:F0} ms"));
        output.WriteLine(Invariant($"  first run, warm (median of {runs}):                    {Median(firstRuns),8:F0} ms"));

        bool allReused = true;
        foreach (Edit edit in Edits)
        {
            GeneratorRun tracked = GeneratorRun.Start(TestCompilation.Create(sources));
            GeneratorRun trackedAgain = GeneratorRun.Continue(tracked.Driver, edit.Apply(tracked.Input));
            string? problem = NotReused(trackedAgain) ?? (SameSources(tracked, trackedAgain) ? null : "the generated sources changed");
            allReused &= problem is null;

            var reruns = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                Compilation compilation = BuildCompilation.Create(sources);
                GeneratorDriver driver = BuildCompilation.CreateDriver().RunGenerators(compilation);
                Compilation edited = edit.Apply(compilation);
                reruns.Add(Time(() => driver.RunGenerators(edited)).TotalMilliseconds);
            }

            output.WriteLine(Invariant($"  re-run after editing {edit.Name}: {Median(reruns),6:F1} ms (median of {runs}); every tracked step Cached or Unchanged: {problem ?? "yes"}"));
            output.WriteLine($"    steps: {DescribeReasons(trackedAgain)}");
        }

        return allReused;
    }

    private static bool CheckFirstRun(GeneratorRun run, TextWriter output)
    {
        var errors = run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (run.Result.Exception is not null || errors.Length > 0 || run.Result.GeneratedSources.Length != GeneratedProject.Classes)
        {
            output.WriteLine($"  FAILED: the generated project does not compile ({run.Result.GeneratedSources.Length} generated files, {errors.Length} errors): {run.Result.Exception?.Message ?? TestCompilation.Describe(errors.Take(5))}");
            return false;
        }

        output.WriteLine($"  {run.Result.GeneratedSources.Length} generated files; the project compiles without errors");
        return true;
    }

    /// <summary>What ran again: a tracked step of the generator, or a source output, whose reason is neither Cached nor Unchanged.</summary>
    private static string? NotReused(GeneratorRun run)
    {
        string? missing = GeneratorSteps.FirstOrDefault(name => !run.Result.TrackedSteps.ContainsKey(name));
        if (missing is not null)
        {
            return $"the generator has no tracked step named '{missing}' any more (renamed?)";
        }

        var rerun = StepReasons(run).Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToArray();
        return rerun.Length == 0 ? null : "steps ran again: " + string.Join(", ", rerun.Select(o => $"{o.Name} {o.Reason}"));
    }

    /// <summary>How many outputs of each step had each reason, e.g. <c>Methods: 1000 Unchanged</c>.</summary>
    private static string DescribeReasons(GeneratorRun run)
        => string.Join("; ", StepReasons(run)
            .GroupBy(o => o.Name)
            .Select(step => $"{step.Key}: " + string.Join(" + ", step.GroupBy(o => o.Reason).Select(reason => $"{reason.Count()} {reason.Key}"))));

    /// <summary>The reason of every output of the generator's own tracked steps and of its source outputs.</summary>
    private static IEnumerable<(string Name, IncrementalStepRunReason Reason)> StepReasons(GeneratorRun run)
        => GeneratorSteps.Where(run.Result.TrackedSteps.ContainsKey).SelectMany(name => run.Result.TrackedSteps[name].Select(step => (Name: name, step.Outputs)))
            .Concat(run.Result.TrackedOutputSteps.SelectMany(pair => pair.Value.Select(step => (Name: pair.Key, step.Outputs))))
            .SelectMany(step => step.Outputs.Select(o => (step.Name, o.Reason)));

    private static bool SameSources(GeneratorRun first, GeneratorRun second)
        => first.GeneratedSources.Count == second.GeneratedSources.Count
           && first.GeneratedSources.All(pair => second.GeneratedSources.TryGetValue(pair.Key, out string? text) && text == pair.Value);

    private static Compilation ReplaceFirst(Compilation compilation, string path, string oldText, string newText)
    {
        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        string text = tree.GetText().ToString();
        int at = text.IndexOf(oldText, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"'{oldText}' is not in {path}: the generated project changed and the edit must follow.");
        }

        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(at, oldText.Length, newText)));
    }

    private sealed record Edit(string Name, Func<Compilation, Compilation> Apply);
}

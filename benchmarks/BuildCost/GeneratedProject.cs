using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace BuildCost;

/// <summary>
/// A project of 1,000 <c>[Delayed]</c> methods (50 partial classes of 20: cheap one-liners, loops, async
/// methods, collection reductions) and 200 pipelines (wide fan-in over a runtime list, diamonds, constant
/// loops of cheap tasks, chains). The chains and cheap loops are shapes the analyzers report (100
/// warnings), so the analysis runs to the end. Every variant compiles the same method bodies; only the
/// pipelines differ: graphs of wrappers with TaskGraph, the same calls made directly without it.
/// </summary>
internal static class GeneratedProject
{
    public const int Classes = 50;
    public const int MethodsPerClass = 20;
    public const int Pipelines = 200;

    /// <summary>The file that holds the pipelines (no <c>[Delayed]</c> method): the place of an unrelated edit.</summary>
    public const string PipelinesFile = "Pipelines.cs";

    /// <summary>The project's C# files, by file name.</summary>
    public static IReadOnlyList<(string Path, string Text)> Sources(ProjectVariant variant)
        => Sources(variant, graphPipelines: variant != ProjectVariant.WithoutTaskGraph);

    /// <summary>
    /// The project's C# files, with pipelines that build graphs of wrappers or that call the methods directly
    /// (with TaskGraph, direct pipelines leave the generated wrappers unused: what the generated code alone costs).
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> Sources(ProjectVariant variant, bool graphPipelines)
    {
        bool withTaskGraph = variant != ProjectVariant.WithoutTaskGraph;
        var sources = new List<(string, string)>();
        for (int c = 0; c < Classes; c++)
        {
            sources.Add(($"Steps{c}.cs", Steps(c, withTaskGraph)));
        }

        sources.Add((PipelinesFile, graphPipelines ? GraphPipelines() : DirectPipelines()));
        if (!withTaskGraph)
        {
            sources.Add(("DelayedAttribute.cs", """
                namespace Bench;

                /// <summary>Stands in for TaskGraph's attribute, so that the methods compile unchanged; nothing reads it.</summary>
                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class DelayedAttribute : System.Attribute
                {
                }

                """));
        }

        if (variant == ProjectVariant.GeneratedCodeAsSource)
        {
            GeneratorDriver driver = BuildCompilation.CreateDriver().RunGenerators(BuildCompilation.Create(sources));
            sources.AddRange(driver.GetRunResult().GeneratedTrees.Select(tree => (Path.GetFileName(tree.FilePath), tree.ToString())));
        }

        return sources;
    }

    /// <summary>
    /// The project file. TaskGraph comes in as the package gives it: the runtime as a reference, the
    /// generator, analyzers and code fixes as analyzer assemblies, all from <paramref name="assemblies"/>
    /// (this tool's output folder, which holds the same builds it runs in-process). Project references
    /// would make every build evaluate TaskGraph's projects too, which a package user never pays.
    /// </summary>
    public static string ProjectFile(ProjectVariant variant, string assemblies)
    {
        string Assembly(string name) => Path.Combine(assemblies, name + ".dll");
        string references = variant switch
        {
            ProjectVariant.WithoutTaskGraph => "",
            ProjectVariant.GeneratedCodeAsSource => $"""
                  <ItemGroup>
                    <Reference Include="{Assembly("TaskGraph")}" />
                  </ItemGroup>

                """,
            ProjectVariant.RuntimeAndGenerator => $"""
                  <ItemGroup>
                    <Reference Include="{Assembly("TaskGraph")}" />
                    <Analyzer Include="{Assembly("TaskGraph.Generator")}" />
                  </ItemGroup>

                """,
            _ => $"""
                  <ItemGroup>
                    <Reference Include="{Assembly("TaskGraph")}" />
                    <Analyzer Include="{Assembly("TaskGraph.Generator")}" />
                    <Analyzer Include="{Assembly("TaskGraph.Analyzers")}" />
                    <Analyzer Include="{Assembly("TaskGraph.CodeFixes")}" />
                  </ItemGroup>

                """,
        };
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            {references}</Project>

            """;
    }

    /// <summary>
    /// Writes the project into <paramref name="directory"/>, with an empty Directory.Build.props so that
    /// no build settings of the folders above it apply.
    /// </summary>
    public static void Write(string directory, ProjectVariant variant, string assemblies)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Bench.csproj"), ProjectFile(variant, assemblies));
        foreach (var (path, text) in Sources(variant))
        {
            File.WriteAllText(Path.Combine(directory, path), text);
        }
    }

    private static string Steps(int c, bool withTaskGraph)
    {
        var text = new StringBuilder();
        text.Append("using System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;\n");
        text.Append(withTaskGraph ? "using TaskGraph;\n" : "");
        text.Append($"\nnamespace Bench;\n\npublic static partial class Steps{c}\n{{\n");
        for (int m = 0; m < MethodsPerClass; m++)
        {
            text.Append(m > 0 ? "\n" : "");
            text.Append((m % 4) switch
            {
                0 => $"    [Delayed] public static double Scale{m}(double x, double y) => x * y + {m};\n",
                1 => $$"""
                        [Delayed]
                        public static double Smooth{{m}}(double x, double y)
                        {
                            double acc = x;
                            for (int i = 0; i < 16; i++)
                            {
                                acc = (acc * 0.5) + y;
                            }

                            return acc;
                        }

                    """,
                2 => $$"""
                        [Delayed]
                        public static async Task<double> Fetch{{m}}(double x, CancellationToken ct)
                        {
                            await Task.Yield();
                            return x + 1;
                        }

                    """,
                _ => $"    [Delayed] public static double Total{m}(IReadOnlyList<double> values) {{ double s = 0; foreach (var v in values) s += v; return s; }}\n",
            });
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string GraphPipelines() => PipelinesClass("using System.Collections.Generic;\nusing System.Threading.Tasks;\nusing TaskGraph;\n", (p, c) => (p % 4) switch
    {
        0 => $$"""
                public static async Task<double> Pipeline{{p}}Async(IReadOnlyList<double> inputs)
                {
                    var parts = new List<Delayed<double>>();
                    foreach (double input in inputs)
                    {
                        var fetched = Steps{{c}}.Fetch2Delayed(input);
                        parts.Add(Steps{{c}}.Smooth1Delayed(fetched, 0.5));
                    }

                    return await Steps{{c}}.Total3Delayed(parts).ComputeAsync();
                }

            """,
        1 => $$"""
                public static double Pipeline{{p}}(double x)
                {
                    var a = Steps{{c}}.Smooth5Delayed(x, 1);
                    var b = Steps{{c}}.Smooth9Delayed(a, 2);
                    var d = Steps{{c}}.Smooth13Delayed(a, 3);
                    return Steps{{c}}.Smooth17Delayed(b, d).Compute();
                }

            """,
        2 => $$"""
                public static double[] Pipeline{{p}}()
                {
                    var parts = new List<Delayed<double>>();
                    for (int i = 0; i < 8; i++)
                    {
                        parts.Add(Steps{{c}}.Scale4Delayed(i, 2));
                    }

                    return Delayed.All(parts).Compute();
                }

            """,
        _ => $$"""
                public static double Pipeline{{p}}(double x)
                {
                    var a = Steps{{c}}.Smooth1Delayed(x, 1);
                    var b = Steps{{c}}.Smooth5Delayed(a, 2);
                    return Steps{{c}}.Smooth9Delayed(b, 3).Compute();
                }

            """,
    });

    private static string DirectPipelines() => PipelinesClass("using System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;\n", (p, c) => (p % 4) switch
    {
        0 => $$"""
                public static async Task<double> Pipeline{{p}}Async(IReadOnlyList<double> inputs)
                {
                    var parts = new List<double>();
                    foreach (double input in inputs)
                    {
                        var fetched = await Steps{{c}}.Fetch2(input, CancellationToken.None);
                        parts.Add(Steps{{c}}.Smooth1(fetched, 0.5));
                    }

                    return Steps{{c}}.Total3(parts);
                }

            """,
        1 => $$"""
                public static double Pipeline{{p}}(double x)
                {
                    var a = Steps{{c}}.Smooth5(x, 1);
                    var b = Steps{{c}}.Smooth9(a, 2);
                    var d = Steps{{c}}.Smooth13(a, 3);
                    return Steps{{c}}.Smooth17(b, d);
                }

            """,
        2 => $$"""
                public static double[] Pipeline{{p}}()
                {
                    var parts = new List<double>();
                    for (int i = 0; i < 8; i++)
                    {
                        parts.Add(Steps{{c}}.Scale4(i, 2));
                    }

                    return parts.ToArray();
                }

            """,
        _ => $$"""
                public static double Pipeline{{p}}(double x)
                {
                    var a = Steps{{c}}.Smooth1(x, 1);
                    var b = Steps{{c}}.Smooth5(a, 2);
                    return Steps{{c}}.Smooth9(b, 3);
                }

            """,
    });

    private static string PipelinesClass(string usings, System.Func<int, int, string> pipeline)
    {
        var text = new StringBuilder(usings);
        text.Append("\nnamespace Bench;\n\npublic static class Pipelines\n{\n");
        for (int p = 0; p < Pipelines; p++)
        {
            text.Append(p > 0 ? "\n" : "").Append(pipeline(p, p % Classes));
        }

        text.Append("}\n");
        return text.ToString();
    }
}

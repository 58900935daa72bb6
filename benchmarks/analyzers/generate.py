"""Writes a project with 1,000 [Delayed] methods and 200 pipelines that build and compute graphs,
for measuring what the TaskGraph analyzers add to build time (see measure.sh)."""
import os
import sys

CLASSES, METHODS_PER_CLASS, PIPELINES = 50, 20, 200


def main(target: str, repository: str) -> None:
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(target, "Generated.Build.csproj"), "w") as project:
        project.write(f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <WithAnalyzers Condition="'$(WithAnalyzers)' == ''">true</WithAnalyzers>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="{repository}/src/Runtime/TaskGraph.csproj" />
    <ProjectReference Include="{repository}/src/Generator/TaskGraph.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
  <ItemGroup Condition="'$(WithAnalyzers)' == 'true'">
    <ProjectReference Include="{repository}/src/Analyzers/TaskGraph.Analyzers/TaskGraph.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="{repository}/src/Analyzers/TaskGraph.CodeFixes/TaskGraph.CodeFixes.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
""")
    for c in range(CLASSES):
        lines = ["using System.Collections.Generic;", "using System.Threading;", "using System.Threading.Tasks;", "using TaskGraph;", "",
                 "namespace Bench;", "", f"public static partial class Steps{c}", "{"]
        for m in range(METHODS_PER_CLASS):
            kind = m % 4
            if kind == 0:
                lines.append(f"    [Delayed] public static double Scale{m}(double x, double y) => x * y + {m};")
            elif kind == 1:
                lines += [f"    [Delayed]", f"    public static double Smooth{m}(double x, double y)", "    {",
                          "        double acc = x;", "        for (int i = 0; i < 16; i++)", "        {",
                          "            acc = (acc * 0.5) + y;", "        }", "", "        return acc;", "    }"]
            elif kind == 2:
                lines += [f"    [Delayed]", f"    public static async Task<double> Fetch{m}(double x, CancellationToken ct)", "    {",
                          "        await Task.Yield();", "        return x + 1;", "    }"]
            else:
                lines.append(f"    [Delayed] public static double Total{m}(IReadOnlyList<double> values) {{ double s = 0; foreach (var v in values) s += v; return s; }}")
            lines.append("")
        lines[-1] = "}"
        with open(os.path.join(target, f"Steps{c}.cs"), "w") as source:
            source.write("\n".join(lines) + "\n")

    lines = ["using System.Collections.Generic;", "using System.Threading.Tasks;", "using TaskGraph;", "", "namespace Bench;", "",
             "public static class Pipelines", "{"]
    for p in range(PIPELINES):
        c = p % CLASSES
        shape = p % 4
        if shape == 0:  # wide: loads feeding a total
            lines += [f"    public static async Task<double> Pipeline{p}Async(IReadOnlyList<double> inputs)", "    {",
                      "        var parts = new List<Delayed<double>>();", "        foreach (double input in inputs)", "        {",
                      f"            var fetched = Steps{c}.Fetch2Delayed(input);", f"            parts.Add(Steps{c}.Smooth1Delayed(fetched, 0.5));", "        }", "",
                      f"        return await Steps{c}.Total3Delayed(parts).ComputeAsync();", "    }", ""]
        elif shape == 1:  # diamond
            lines += [f"    public static double Pipeline{p}(double x)", "    {",
                      f"        var a = Steps{c}.Smooth5Delayed(x, 1);", f"        var b = Steps{c}.Smooth9Delayed(a, 2);",
                      f"        var d = Steps{c}.Smooth13Delayed(a, 3);", f"        return Steps{c}.Smooth17Delayed(b, d).Compute();", "    }", ""]
        elif shape == 2:  # constant loop of cheap tasks
            lines += [f"    public static double[] Pipeline{p}()", "    {",
                      "        var parts = new List<Delayed<double>>();", "        for (int i = 0; i < 8; i++)", "        {",
                      f"            parts.Add(Steps{c}.Scale4Delayed(i, 2));", "        }", "",
                      "        return Delayed.All(parts).Compute();", "    }", ""]
        else:  # chain
            lines += [f"    public static double Pipeline{p}(double x)", "    {",
                      f"        var a = Steps{c}.Smooth1Delayed(x, 1);", f"        var b = Steps{c}.Smooth5Delayed(a, 2);",
                      f"        return Steps{c}.Smooth9Delayed(b, 3).Compute();", "    }", ""]
    lines[-1] = "}"
    with open(os.path.join(target, "Pipelines.cs"), "w") as source:
        source.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

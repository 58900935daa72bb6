using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using TaskGraph.Package.Tests;

namespace TaskGraph.Analyzers.Tests.DotnetFormat;

/// <summary>
/// A small console project that uses TaskGraph with its generator, analyzers and code fixes (the
/// assemblies this test run built), fixed once by a real client:
/// <c>dotnet format analyzers --diagnostics ... --severity info</c>, which loads the fixers as an IDE
/// does and applies each one's Fix All. The program runs before and after; every test of the class
/// reads this one run (building, formatting and running twice takes about a minute).
/// </summary>
public sealed class FormattedProject : IDisposable
{
    /// <summary>The ids whose fixes run: every fixable analyzer diagnostic (TG0001 is the generator's, which dotnet format does not see).</summary>
    public static readonly ImmutableArray<string> FixedIds = ImmutableArray.Create(
        DiagnosticIds.SequentialGraph,
        DiagnosticIds.TrivialGraph,
        DiagnosticIds.ComputeInLoop,
        DiagnosticIds.DelayedValueOfCall,
        DiagnosticIds.DelayedWithinDelayed,
        DiagnosticIds.DiscardedWrapperResult,
        DiagnosticIds.UnmarkedBlocking);

    private readonly string root;

    public FormattedProject()
    {
        root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "taskgraph-format-" + Guid.NewGuid().ToString("N")[..12])).FullName;
        File.WriteAllText(Path.Combine(root, "Formatted.csproj"), ProjectFile(AppContext.BaseDirectory));
        foreach (var (name, text) in FormattedSources.All)
        {
            File.WriteAllText(Path.Combine(root, name), text);
        }

        Before = Sources();
        BeforeOutput = BuildAndRun();
        var arguments = new List<string> { "format", "analyzers", "Formatted.csproj", "--severity", "info", "--diagnostics" };
        arguments.AddRange(FixedIds);
        var (exitCode, output) = ChildProcess.Run("dotnet", arguments, root);
        FormatOutput = output;
        if (exitCode != 0)
        {
            throw new InvalidOperationException("dotnet format failed." + Environment.NewLine + output);
        }

        After = Sources();
        AfterOutput = BuildAndRun();
    }

    /// <summary>Each source file's text before the fixes, by file name.</summary>
    public ImmutableDictionary<string, string> Before { get; }

    /// <summary>Each source file's text after the fixes, by file name.</summary>
    public ImmutableDictionary<string, string> After { get; }

    /// <summary>What the program printed before the fixes: one <c>name=value</c> line per scenario.</summary>
    public ImmutableDictionary<string, string> BeforeOutput { get; }

    /// <summary>What the program printed after the fixes.</summary>
    public ImmutableDictionary<string, string> AfterOutput { get; }

    /// <summary>What dotnet format wrote, for failure messages.</summary>
    public string FormatOutput { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a lingering build node) must not fail the run.
        }
    }

    private static string ProjectFile(string assemblies) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <Reference Include="TaskGraph" HintPath="{Path.Combine(assemblies, "TaskGraph.dll")}" />
            <Analyzer Include="{Path.Combine(assemblies, "TaskGraph.Generator.dll")}" />
            <Analyzer Include="{Path.Combine(assemblies, "TaskGraph.Analyzers.dll")}" />
            <Analyzer Include="{Path.Combine(assemblies, "TaskGraph.CodeFixes.dll")}" />
          </ItemGroup>
        </Project>
        """;

    private ImmutableDictionary<string, string> Sources()
        => FormattedSources.All.ToImmutableDictionary(s => s.Name, s => File.ReadAllText(Path.Combine(root, s.Name)));

    private ImmutableDictionary<string, string> BuildAndRun()
    {
        var (buildExit, buildOutput) = ChildProcess.Run("dotnet", new[] { "build", "-c", "Release", "--disable-build-servers" }, root);
        if (buildExit != 0)
        {
            throw new InvalidOperationException("The formatted project does not build." + Environment.NewLine + buildOutput + Environment.NewLine + FormatOutputOrNothing());
        }

        var (runExit, runOutput) = ChildProcess.Run("dotnet", new[] { Path.Combine(root, "bin", "Release", "net10.0", "Formatted.dll") }, root);
        if (runExit != 0)
        {
            throw new InvalidOperationException("The formatted project's program failed." + Environment.NewLine + runOutput);
        }

        return runOutput.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('>'))
            .Select(line => line.Split('=', 2))
            .ToImmutableDictionary(parts => parts[0], parts => parts[1]);
    }

    private string FormatOutputOrNothing() => After is null ? string.Empty : "After dotnet format:" + Environment.NewLine + FormatOutput;
}

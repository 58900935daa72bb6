using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TaskGraph.Testing;

/// <summary>
/// Compilations of test sources against the running framework's assemblies plus the TaskGraph runtime,
/// with the options a user's project has: nullable enabled, latest language version.
/// </summary>
public static class TestCompilation
{
    /// <summary>
    /// Parse options for test sources: latest C#, documentation comments checked (so that a generated
    /// cref that does not bind is a warning, as in a project that generates its XML docs).
    /// </summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>The framework's assemblies and TaskGraph.dll.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>A compilation of <paramref name="sources"/> (file names <c>Source0.cs</c>, <c>Source1.cs</c>, ...).</summary>
    public static CSharpCompilation Create(params string[] sources)
        => Create(sources.Select((text, i) => ($"Source{i}.cs", text)));

    /// <summary>A compilation of named sources.</summary>
    /// <param name="sources">File path and text of each source.</param>
    /// <param name="outputKind">Library by default; console applications for tests that run a Main.</param>
    /// <param name="assemblyName">The assembly's name.</param>
    public static CSharpCompilation Create(
        IEnumerable<(string Path, string Text)> sources,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        string assemblyName = "TestAssembly")
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path));
        var options = new CSharpCompilationOptions(
            outputKind,
            nullableContextOptions: NullableContextOptions.Enable,
            // Warnings count: generated code must compile without any.
            generalDiagnosticOption: ReportDiagnostic.Default,
            // Test sources are not documented; generated code is, and its crefs are still checked.
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress },
            allowUnsafe: true);
        return CSharpCompilation.Create(assemblyName, trees, References, options);
    }

    /// <summary>Diagnostics formatted one per line, for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics)
        => string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));

    /// <summary>The warnings and errors of a compilation (hidden and info diagnostics left out).</summary>
    public static ImmutableArray<Diagnostic> WarningsAndErrors(Compilation compilation)
        => compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The running framework's implementation assemblies stand in for reference assemblies.
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = Directory.EnumerateFiles(frameworkDirectory, "*.dll")
            .Where(IsManagedAssembly);
        return framework
            .Append(typeof(TaskGraph.Delayed).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        // On some platforms the framework folder also holds native libraries named *.dll.
        using var stream = File.OpenRead(path);
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
        return reader.HasMetadata;
    }
}

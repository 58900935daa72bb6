using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace TaskGraph.Package.Tests;

public sealed class PackageTests : IClassFixture<PackedPackage>
{
    private const string ConsumerProgram = """
        using TaskGraph;
        using TaskGraph.Diagnostics;

        namespace Consumer;

        public static partial class Etl
        {
            [Delayed]
            public static int Load(string path) => path.Length;

            [Delayed]
            public static async Task<int> DoubleAsync(int value, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                return value * 2;
            }

            [Delayed]
            public static int Sum(IReadOnlyList<int> values) => values.Sum();
        }

        public static class Program
        {
            public static int Main()
            {
                List<Delayed<int>> doubled = new[] { "a", "bb", "ccc" }.Select(path => Etl.DoubleDelayed(Etl.LoadDelayed(path))).ToList();
                Delayed<int> total = Etl.SumDelayed(doubled);
                var states = new GraphStateRecorder();
                Console.WriteLine($"total={total.Compute(new ComputeOptions { Observers = new[] { states } })}");
                Console.WriteLine($"done={total.ToDot(states).Split('\n').Count(line => line.Contains("#c8e6c9"))}");
                return 0;
            }
        }
        """;

    private readonly PackedPackage package;

    public PackageTests(PackedPackage package) => this.package = package;

    [Fact]
    public void PackageHoldsTheRuntimeTheRoslynComponentsAndAReadme()
    {
        using ZipArchive archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        string listing = string.Join(Environment.NewLine, entries.Order());

        var expected = new List<string> { "lib/net8.0/TaskGraph.dll", "lib/net8.0/TaskGraph.xml", "analyzers/dotnet/cs/TaskGraph.Generator.dll", "README.md" };
        foreach (string component in new[] { "TaskGraph.Analyzers", "TaskGraph.CodeFixes" })
        {
            if (File.Exists(Path.Combine(package.RepositoryRoot, "src", "Analyzers", component, component + ".csproj")))
            {
                expected.Add($"analyzers/dotnet/cs/{component}.dll");
            }
        }

        Assert.All(expected, entry => Assert.True(entries.Contains(entry), $"{entry} is missing from the package:{Environment.NewLine}{listing}"));
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal) && entry.Contains("Generator", StringComparison.Ordinal));

        XElement metadata = Nuspec(archive).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("TaskGraph", Value(metadata, "id"));
        Assert.Equal(package.Version, Value(metadata, "version"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void FreshConsoleProjectBuildsWithWarningsAsErrorsAndRuns()
    {
        string consumer = Directory.CreateDirectory(Path.Combine(package.Root, "consumer-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TaskGraph" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{package.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);

        // A global-packages folder of its own: nothing cached elsewhere can satisfy or spoil the restore.
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(consumer, "packages") };
        var (buildExit, buildOutput) = ChildProcess.Run("dotnet", new[] { "build", "-c", "Release", "--disable-build-servers" }, consumer, environment);
        Assert.True(buildExit == 0, buildOutput);
        Assert.True(Directory.Exists(Path.Combine(consumer, "packages", "taskgraph", package.Version)), $"TaskGraph {package.Version} was not restored from the feed.{Environment.NewLine}{buildOutput}");

        var (runExit, runOutput) = ChildProcess.Run("dotnet", new[] { Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll") }, consumer, environment);
        Assert.True(runExit == 0, runOutput);

        // (1 + 2 + 3) * 2; eight tasks done: three loads, three doubles, the list, the sum.
        Assert.True(runOutput.Contains("total=12", StringComparison.Ordinal), runOutput);
        Assert.True(runOutput.Contains("done=8", StringComparison.Ordinal), runOutput);
    }

    private static XDocument Nuspec(ZipArchive archive)
    {
        using Stream stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static string? Value(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
}

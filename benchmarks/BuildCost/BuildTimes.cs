using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using static TaskGraph.Benchmarking.Measure;

namespace BuildCost;

/// <summary>
/// Whole <c>dotnet build</c>s of the generated project in its three variants (<see cref="ProjectVariant"/>):
/// full rebuilds after one restore, the variants interleaved
/// in a rotating order each round so that a burst of load on the shared machine hits all of them.
/// </summary>
internal static class BuildTimes
{
    private static readonly ProjectVariant[] Variants = Enum.GetValues<ProjectVariant>();

    /// <summary>
    /// How csc runs. This machine's environment sets UseSharedCompilation=false, as many CI setups do:
    /// a fresh compiler process per build, which JIT-compiles the compiler, the generator and the
    /// analyzers every time. The SDK's default on a developer machine is the long-lived compiler server,
    /// where they are loaded and JIT-compiled once.
    /// </summary>
    private static readonly (string Name, string Property)[] Compilers =
    {
        ("a fresh compiler process per build (UseSharedCompilation=false)", "-p:UseSharedCompilation=false"),
        ("the compiler server (UseSharedCompilation=true, the SDK's default)", "-p:UseSharedCompilation=true"),
    };

    /// <summary>Runs and reports; false when a build failed.</summary>
    public static bool Run(string assemblies, int rounds, TextWriter output)
    {
        string root = Path.Combine(Path.GetTempPath(), $"taskgraph-buildcost-{Environment.ProcessId}");
        try
        {
            foreach (ProjectVariant variant in Variants)
            {
                GeneratedProject.Write(Path.Combine(root, variant.ToString()), variant, assemblies);
                // Restores once and starts the compiler server with every variant's analyzers loaded; the timed builds skip the restore.
                if (!Build(root, variant, output, "-v", "q", Compilers[1].Property).Succeeded)
                {
                    return false;
                }
            }

            foreach (var compiler in Compilers)
            {
                if (!TimeRounds(root, compiler, rounds, output))
                {
                    return false;
                }
            }

            BuildResult reported = Build(root, ProjectVariant.FullTaskGraph, output, "--no-restore", "-t:Rebuild", "-v", "d", "-p:ReportAnalyzer=true", Compilers[0].Property);
            output.WriteLine("The compiler's own accounting (-p:ReportAnalyzer=true, one more rebuild with TaskGraph, fresh compiler process):");
            foreach (string line in CompilerReport(reported.Output))
            {
                output.WriteLine("  " + line);
            }

            return reported.Succeeded;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static bool TimeRounds(string root, (string Name, string Property) compiler, int rounds, TextWriter output)
    {
        output.WriteLine(Invariant($"dotnet build -t:Rebuild --no-restore (Debug), {compiler.Name}, {rounds} rounds:"));
        var times = Variants.ToDictionary(v => v, _ => new List<double>());
        for (int round = 0; round < rounds; round++)
        {
            var line = new List<string>();
            for (int k = 0; k < Variants.Length; k++)
            {
                ProjectVariant variant = Variants[(round + k) % Variants.Length];
                BuildResult result = Build(root, variant, output, "--no-restore", "-t:Rebuild", "-v", "q", compiler.Property);
                if (!result.Succeeded)
                {
                    return false;
                }

                times[variant].Add(result.Elapsed.TotalSeconds);
                line.Add(Invariant($"{variant} {result.Elapsed.TotalSeconds:F2} s (load {LoadAverage():F1})"));
            }

            output.WriteLine($"  round {round + 1}: {string.Join(", ", line)}");
        }

        List<double> without = times[ProjectVariant.WithoutTaskGraph];
        List<double> generator = times[ProjectVariant.RuntimeAndGenerator];
        List<double> full = times[ProjectVariant.FullTaskGraph];
        output.WriteLine(Invariant($"  median without TaskGraph:              {Median(without),6:F2} s"));
        output.WriteLine(Invariant($"  median with runtime and generator:     {Median(generator),6:F2} s ({Median(generator) / Median(without):F2}x; per round {PerRound(generator, without)})"));
        output.WriteLine(Invariant($"  median with TaskGraph (+ analyzers):   {Median(full),6:F2} s ({Median(full) / Median(without):F2}x; per round {PerRound(full, without)})"));
        output.WriteLine(Invariant($"  analyzers added over runtime and generator: median of rounds {Median(full.Zip(generator, (f, g) => (f - g) / g)):P1}; per round {PerRound(full, generator)}"));
        return true;
    }

    /// <summary>The ratio of two variants' times in each round, where both met the same load.</summary>
    private static string PerRound(List<double> times, List<double> baseline)
        => string.Join(" ", times.Zip(baseline, (time, reference) => Invariant($"{time / reference:F2}x")));

    /// <summary>The totals and the TaskGraph assemblies' lines of the compiler's analyzer and generator report.</summary>
    private static IEnumerable<string> CompilerReport(string buildOutput)
        => buildOutput.Split('\n')
            .Select(line => line.Trim())
            .Where(line => Regex.IsMatch(line, @"^Total (analyzer|generator) execution time|^\S+\s+\S+\s+TaskGraph\.(Analyzers|Generator)\b"))
            .Distinct();

    private static BuildResult Build(string root, ProjectVariant variant, TextWriter output, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("build");
        start.ArgumentList.Add(Path.Combine(root, variant.ToString(), "Bench.csproj"));
        start.ArgumentList.Add("-nologo");
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        long begin = Stopwatch.GetTimestamp();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(begin);
        if (process.ExitCode != 0)
        {
            output.WriteLine($"  FAILED: dotnet build of the {variant} project exited with {process.ExitCode}:");
            output.WriteLine(string.Join('\n', (text + error.Result).Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(10)));
        }

        return new BuildResult(process.ExitCode == 0, elapsed, text);
    }

    private sealed record BuildResult(bool Succeeded, TimeSpan Elapsed, string Output);
}

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
    private static readonly Compiler[] Compilers =
    {
        new("a fresh compiler process per build (UseSharedCompilation=false)", "-p:UseSharedCompilation=false", RunsInChildProcess: true),
        new("the compiler server (UseSharedCompilation=true, the SDK's default)", "-p:UseSharedCompilation=true", RunsInChildProcess: false),
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

            foreach (Compiler compiler in Compilers)
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

    private static bool TimeRounds(string root, Compiler compiler, int rounds, TextWriter output)
    {
        output.WriteLine(Invariant($"dotnet build -t:Rebuild --no-restore (Debug), {compiler.Name}, {rounds} rounds:"));
        var wall = Variants.ToDictionary(v => v, _ => new List<double>());
        var processor = Variants.ToDictionary(v => v, _ => new List<double>());
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

                wall[variant].Add(result.Elapsed.TotalSeconds);
                string cpu = "";
                if (compiler.RunsInChildProcess && result.ProcessorTime is { } time)
                {
                    processor[variant].Add(time.TotalSeconds);
                    cpu = Invariant($", {time.TotalSeconds:F2} s CPU");
                }

                line.Add(Invariant($"{variant} {result.Elapsed.TotalSeconds:F2} s{cpu} (load {LoadAverage():F1})"));
            }

            output.WriteLine($"  round {round + 1}: {string.Join("; ", line)}");
        }

        Summarize("wall", wall, output);
        if (processor[ProjectVariant.FullTaskGraph].Count == rounds)
        {
            Summarize("CPU (dotnet build and csc together)", processor, output);
        }

        return true;
    }

    private static void Summarize(string metric, Dictionary<ProjectVariant, List<double>> times, TextWriter output)
    {
        List<double> without = times[ProjectVariant.WithoutTaskGraph];
        List<double> asSource = times[ProjectVariant.GeneratedCodeAsSource];
        List<double> generator = times[ProjectVariant.RuntimeAndGenerator];
        List<double> full = times[ProjectVariant.FullTaskGraph];
        output.WriteLine(Invariant($"  {metric}, medians: without TaskGraph {Median(without):F2} s; generated code as plain source {Median(asSource):F2} s ({Median(asSource) / Median(without):F2}x); runtime and generator {Median(generator):F2} s ({Median(generator) / Median(without):F2}x); with analyzers too {Median(full):F2} s ({Median(full) / Median(without):F2}x; per round {PerRound(full, without)})"));
        output.WriteLine(Invariant($"  {metric}, analyzers added over runtime and generator: {Median(full.Zip(generator, (f, g) => (f - g) / g)):P1} (median of rounds; per round {PerRound(full, generator)})"));
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
        TimeSpan? processorBefore = ChildrenProcessorTime();
        long begin = Stopwatch.GetTimestamp();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(begin);
        TimeSpan? processor = ChildrenProcessorTime() - processorBefore;
        if (process.ExitCode != 0)
        {
            output.WriteLine($"  FAILED: dotnet build of the {variant} project exited with {process.ExitCode}:");
            output.WriteLine(string.Join('\n', (text + error.Result).Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(10)));
        }

        return new BuildResult(process.ExitCode == 0, elapsed, processor, text);
    }

    /// <param name="ProcessorTime">CPU time of the build and of the processes it waited for (csc, unless the compiler server ran it).</param>
    private sealed record BuildResult(bool Succeeded, TimeSpan Elapsed, TimeSpan? ProcessorTime, string Output);

    /// <param name="RunsInChildProcess">Whether csc is a child of the build, so that its CPU time is counted.</param>
    private sealed record Compiler(string Name, string Property, bool RunsInChildProcess);
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace CustomEtl;

/// <summary>The sample's command line.</summary>
/// <param name="Examples">Which of the seed's examples to run.</param>
/// <param name="Seed">Seeds pair choices and simulated durations.</param>
/// <param name="TimeScale">Multiplies the seed's latencies (1 = the seed's; the default keeps a run short).</param>
public sealed record CustomEtlOptions(IReadOnlyList<EtlExample> Examples, int Seed, double TimeScale)
{
    /// <summary>The usage text printed for <c>--help</c> and after a bad argument.</summary>
    public const string Usage = """
        Usage: CustomEtl [--example small|large|both] [--seed N] [--time-scale X] [--graph FILE] [--trace FILE] [--no-progress] [--cluster N]
                         [--dashboard [PORT]]

          --example      which of the seed's examples to run (default: both)
          --seed         seeds the random pair choices and durations (default: 42)
          --time-scale   multiplies the seed's simulated latencies (default: 0.2; 1 = the seed's)
          --graph        writes the graphs after the parallel run, tasks coloured by state: .dot or .mmd,
                         or .svg/.png/.pdf rendered by Graphviz's 'dot' (which must be on PATH)
          --trace        writes a Chrome trace of the parallel runs (one span per task, per thread);
                         open it in https://ui.perfetto.dev or chrome://tracing
          --no-progress  no progress bars (they go to standard error)
          --cluster      runs the parallel computes on N local worker processes (an Orleans cluster on loopback)
          --dashboard    serves a live dashboard of the parallel runs on http://127.0.0.1:PORT/
                         (default port 8787; 0 picks a free one) and prints its address
        """;

    /// <summary>Where <c>--graph</c> writes the picture of the graphs; <see langword="null"/> for none.</summary>
    public string? Graph { get; init; }

    /// <summary>Where <c>--trace</c> writes the Chrome trace of the parallel runs; <see langword="null"/> for none.</summary>
    public string? Trace { get; init; }

    /// <summary>The port of the live dashboard (<c>--dashboard</c>); <see langword="null"/> for none.</summary>
    public int? DashboardPort { get; init; }

    /// <summary>Whether progress bars are shown (on by default; <c>--no-progress</c> turns them off).</summary>
    public bool ShowProgress { get; init; } = true;

    /// <summary>Worker processes of the local cluster that runs the parallel computes (<c>--cluster N</c>); 0 runs them in this process.</summary>
    public int ClusterWorkers { get; init; }

    /// <summary>The defaults: both examples, seed 42, latencies at a fifth of the seed's.</summary>
    public static CustomEtlOptions Default { get; } = new(new[] { EtlExample.Small, EtlExample.Large }, 42, 0.2);

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the bad argument.</summary>
    public static CustomEtlOptions Parse(IReadOnlyList<string> args)
    {
        CustomEtlOptions options = Default;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--example" => options with { Examples = ParseExamples(Value()) },
                "--seed" => options with { Seed = ParseNumber<int>(name, Value()) },
                "--time-scale" => options with { TimeScale = ParseTimeScale(name, Value()) },
                "--graph" => options with { Graph = ParseGraphPath(Value()) },
                "--trace" => options with { Trace = Value() },
                "--no-progress" => options with { ShowProgress = false },
                "--cluster" => options with { ClusterWorkers = ParseInRange(name, Value(), 1, 64, "a whole number of workers") },
                "--dashboard" => options with { DashboardPort = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? ParseInRange(name, args[++i], 0, 65535, "a port") : TaskGraph.Dashboard.DashboardOptions.DefaultPort },
                _ => throw new ArgumentException($"Unknown argument '{name}'."),
            };
        }

        return options;
    }

    private static IReadOnlyList<EtlExample> ParseExamples(string value) => value switch
    {
        "small" => new[] { EtlExample.Small },
        "large" => new[] { EtlExample.Large },
        "both" => new[] { EtlExample.Small, EtlExample.Large },
        _ => throw new ArgumentException($"--example must be small, large or both, not '{value}'."),
    };

    private static string ParseGraphPath(string path)
    {
        GraphFile.FormatOf(path);
        return path;
    }

    private static double ParseTimeScale(string name, string value)
    {
        double scale = ParseNumber<double>(name, value);
        return scale >= 0 && double.IsFinite(scale)
            ? scale
            : throw new ArgumentException($"{name} must be a finite number of at least 0, not '{value}'.");
    }

    /// <summary>A whole number from <paramref name="least"/> to <paramref name="most"/>, or an error naming the option and what it takes.</summary>
    private static int ParseInRange(string name, string value, int least, int most, string what)
    {
        int number = ParseNumber<int>(name, value);
        return number >= least && number <= most ? number : throw new ArgumentException($"{name} takes {what} from {least} to {most}, not '{value}'.");
    }

    private static T ParseNumber<T>(string name, string value)
        where T : ISpanParsable<T>
        => T.TryParse(value, CultureInfo.InvariantCulture, out T? number)
            ? number
            : throw new ArgumentException($"{name} must be a number, not '{value}'.");
}

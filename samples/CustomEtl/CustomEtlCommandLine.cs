using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using TaskGraph.Samples;

namespace CustomEtl;

/// <summary>The command line of the custom ETL sample, parsed by System.CommandLine into <see cref="CustomEtlOptions"/>.</summary>
public static class CustomEtlCommandLine
{
    private static readonly CustomEtlOptions Defaults = CustomEtlOptions.Default;

    private static readonly Option<IReadOnlyList<EtlExample>?> Example = ExampleOption();
    private static readonly Option<int> Seed = SampleOptions.Whole("--seed", "Seeds the random pair choices and durations", Defaults.Seed, int.MinValue, int.MaxValue);
    private static readonly Option<double> TimeScale = TimeScaleOption();
    private static readonly Option<string?> Graph = GraphOption();
    private static readonly Option<string?> Trace = new("--trace") { Description = "Writes a Chrome trace of the parallel runs (one span per task, per thread); open it in https://ui.perfetto.dev or chrome://tracing" };
    private static readonly Option<bool> NoProgress = new("--no-progress") { Description = "No progress bars (they go to standard error)" };
    private static readonly Option<int> Cluster = SampleOptions.Whole("--cluster", "Runs the parallel computes on N local worker processes (an Orleans cluster on loopback); 0 runs them in this process", Defaults.ClusterWorkers, 0, 64);
    private static readonly Option<int?> Dashboard = SampleOptions.Dashboard("the parallel runs");

    /// <summary>The command: every option, and the description <c>--help</c> prints.</summary>
    public static RootCommand Command { get; } = new(
        "Runs the seed notebook's custom ETL graph (load files and a SQL reference, process each file, roll windows of three, " +
        "compare random pairs, reduce) in parallel and then sequentially, and compares both with the critical path.")
    {
        Example, Seed, TimeScale, Graph, Trace, NoProgress, Cluster, Dashboard,
    };

    /// <summary>Parses <paramref name="args"/>; the result holds the errors, or a help request, or the options (<see cref="Options"/>).</summary>
    public static ParseResult Parse(IReadOnlyList<string> args) => Command.Parse(args);

    /// <summary>The options a parse without errors gave.</summary>
    /// <exception cref="ArgumentException">The parse had errors; the message lists them.</exception>
    public static CustomEtlOptions Options(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, parse.Errors.Select(error => error.Message)), nameof(parse));
        }

        return new CustomEtlOptions(parse.GetValue(Example) ?? Defaults.Examples, parse.GetValue(Seed), parse.GetValue(TimeScale))
        {
            Graph = parse.GetValue(Graph),
            Trace = parse.GetValue(Trace),
            ShowProgress = !parse.GetValue(NoProgress),
            ClusterWorkers = parse.GetValue(Cluster),
            DashboardPort = parse.GetValue(Dashboard),
        };
    }

    /// <summary>Writes the <c>--help</c> text to <paramref name="output"/>.</summary>
    public static void WriteHelp(TextWriter output)
        => Command.Parse("--help").Invoke(new InvocationConfiguration { Output = output });

    // No default value here: help would print the examples' records; absent means both (Options).
    private static Option<IReadOnlyList<EtlExample>?> ExampleOption()
        => new("--example")
        {
            Description = "Which of the seed's examples to run: small, large or both [default: both]",
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                switch (text)
                {
                    case "small":
                        return [EtlExample.Small];
                    case "large":
                        return [EtlExample.Large];
                    case "both":
                        return [EtlExample.Small, EtlExample.Large];
                    default:
                        result.AddError($"Option '--example' takes small, large or both; '{text}' is not one.");
                        return Defaults.Examples;
                }
            },
        };

    private static Option<double> TimeScaleOption()
        => new("--time-scale")
        {
            Description = "Multiplies the seed's simulated latencies (1 = the seed's)",
            DefaultValueFactory = _ => Defaults.TimeScale,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double scale) || scale < 0 || !double.IsFinite(scale))
                {
                    result.AddError($"Option '--time-scale' takes a finite number of at least 0; '{text}' is not one.");
                    return Defaults.TimeScale;
                }

                return scale;
            },
        };

    private static Option<string?> GraphOption()
    {
        var option = new Option<string?>("--graph")
        {
            Description = "Writes the graphs after the parallel run, tasks coloured by state: .dot or .mmd, or .svg/.png/.pdf rendered by Graphviz's 'dot' (which must be on PATH)",
        };
        option.Validators.Add(result =>
        {
            try
            {
                // The writer's own rule, so the command line and the picture never disagree on what is accepted.
                _ = result.GetValueOrDefault<string?>() is { } path ? GraphFile.FormatOf(path) : default;
            }
            catch (ArgumentException error)
            {
                result.AddError(error.Message);
            }
        });
        return option;
    }
}

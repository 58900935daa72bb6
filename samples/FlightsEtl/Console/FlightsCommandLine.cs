using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using TaskGraph.Samples;

namespace FlightsEtl;

/// <summary>The command line of the flights job, parsed by System.CommandLine into <see cref="FlightsOptions"/>.</summary>
public static class FlightsCommandLine
{
    private static readonly FlightsOptions Defaults = new();

    private static readonly Option<long> Rows = SampleOptions.Whole("--rows", "Rows to generate in all files", Defaults.Rows, 1, long.MaxValue);
    private static readonly Option<int> Files = SampleOptions.Whole("--files", "Files to generate", Defaults.Files, 1, DataGenerator.MaxFiles);
    private static readonly Option<ulong> Seed = SampleOptions.Whole("--seed", "Generator seed", Defaults.Seed, ulong.MinValue, ulong.MaxValue);
    private static readonly Option<string> Data = new("--data") { Description = "Data directory (generated files, or your own with --no-generate)", DefaultValueFactory = _ => Defaults.DataDirectory };
    private static readonly Option<bool> NoGenerate = new("--no-generate") { Description = "Read every *.csv in --data as it is, without generating" };
    private static readonly Option<string> Database = new("--db") { Description = "SQLite database file", DefaultValueFactory = _ => Defaults.DatabasePath };
    private static readonly Option<string> Table = TableOption();
    private static readonly Option<long> LatencyUs = SampleOptions.Whole(
        "--latency-us",
        $"Simulated latency per transformed row, in microseconds (the notebook's 10 ms / {FlightsOptions.LatencyScale:N0}; 0 for none)",
        (long)Defaults.LatencyPerRow.TotalMicroseconds,
        0,
        10_000_000);
    private static readonly Option<int> BatchSize = SampleOptions.Whole("--batch-size", "Rows per transform batch", Defaults.BatchSize, 1, int.MaxValue);
    private static readonly Option<int> Workers = SampleOptions.Whole("--workers", "Workers of the pool baseline", Defaults.PoolWorkers, 1, 1024);
    private static readonly Option<bool> NoBaselines = new("--no-baselines") { Description = "Skip the sequential and pool comparison" };
    private static readonly Option<bool> SkipBadRows = new("--skip-bad-rows") { Description = "Count and skip malformed rows instead of failing" };
    private static readonly Option<string> Log = new("--log") { Description = "Log file", DefaultValueFactory = _ => Defaults.LogPath! };
    private static readonly Option<bool> NoLog = new("--no-log") { Description = "Write no log file" };
    private static readonly Option<bool> Quiet = new("--quiet") { Description = "No progress and no report" };
    private static readonly Option<int> Cluster = SampleOptions.Whole("--cluster", "Run the graph on N local worker processes (an Orleans cluster on loopback); 0 runs it in this process", Defaults.ClusterWorkers, 0, 64);
    private static readonly Option<int?> Dashboard = SampleOptions.Dashboard("the graph");
    private static readonly Option<bool> Resume = new("--resume") { Description = "Keep finished transform batches in <db>.results and reuse them: a killed or failed run redoes only the rest" };

    /// <summary>The command: every option, and the description <c>--help</c> prints.</summary>
    public static RootCommand Command { get; } = new(
        "Generates the flights CSV files (once; later runs reuse them), reads them as a TaskGraph graph, computes DepDelay's mean " +
        "and standard deviation, imputes and transforms DepDelay in batches, loads the result into SQLite, then runs the same " +
        "stages sequentially and through a 4-worker pool.")
    {
        Rows, Files, Seed, Data, NoGenerate, Database, Table, LatencyUs, BatchSize, Workers, NoBaselines, SkipBadRows, Log, NoLog, Quiet,
        Cluster,
        Dashboard,
        Resume,
    };

    /// <summary>Parses <paramref name="args"/>; the result holds the errors, or a help request, or the options (<see cref="Options"/>).</summary>
    public static ParseResult Parse(IReadOnlyList<string> args) => Command.Parse(args);

    /// <summary>The options a parse without errors gave.</summary>
    public static FlightsOptions Options(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, parse.Errors.Select(error => error.Message)), nameof(parse));
        }

        return new FlightsOptions
        {
            Rows = parse.GetValue(Rows),
            Files = parse.GetValue(Files),
            Seed = parse.GetValue(Seed),
            DataDirectory = parse.GetValue(Data)!,
            Generate = !parse.GetValue(NoGenerate),
            DatabasePath = parse.GetValue(Database)!,
            Table = parse.GetValue(Table)!,
            LatencyPerRow = TimeSpan.FromMicroseconds(parse.GetValue(LatencyUs)),
            BatchSize = parse.GetValue(BatchSize),
            PoolWorkers = parse.GetValue(Workers),
            Baselines = !parse.GetValue(NoBaselines),
            SkipBadRows = parse.GetValue(SkipBadRows),
            LogPath = parse.GetValue(NoLog) ? null : parse.GetValue(Log),
            Quiet = parse.GetValue(Quiet),
            ClusterWorkers = parse.GetValue(Cluster),
            DashboardPort = parse.GetValue(Dashboard),
            Resume = parse.GetValue(Resume),
        };
    }

    /// <summary>Writes the <c>--help</c> text to <paramref name="output"/>.</summary>
    public static void WriteHelp(TextWriter output)
        => Command.Parse("--help").Invoke(new InvocationConfiguration { Output = output });

    private static Option<string> TableOption()
    {
        var option = new Option<string>("--table") { Description = "Result table, a plain identifier", DefaultValueFactory = _ => Defaults.Table };
        option.Validators.Add(result =>
        {
            string? name = result.GetValueOrDefault<string>();
            if (!SqliteTarget.IsPlainIdentifier(name))
            {
                result.AddError(SqliteTarget.NotPlainIdentifier(name));
            }
        });
        return option;
    }
}

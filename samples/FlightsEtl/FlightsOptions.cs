using System;
using System.Collections.Generic;
using System.Globalization;

namespace FlightsEtl;

/// <summary>Everything the flights job can be told; the defaults are the README's main job.</summary>
public sealed record FlightsOptions
{
    /// <summary>The seed's row count.</summary>
    public const long SeedRows = 2_611_892;

    /// <summary>Where the CSV files are generated (or read, with <see cref="Generate"/> off).</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Rows to generate, in all files together.</summary>
    public long Rows { get; init; } = SeedRows;

    /// <summary>Files to generate.</summary>
    public int Files { get; init; } = 10;

    /// <summary>The generator's seed.</summary>
    public ulong Seed { get; init; } = 1990;

    /// <summary>Generate the data (or reuse an earlier generation); off: read every <c>*.csv</c> in <see cref="DataDirectory"/> as it is.</summary>
    public bool Generate { get; init; } = true;

    /// <summary>The SQLite database file.</summary>
    public string DatabasePath { get; init; } = "flights.db";

    /// <summary>The result table (a plain identifier).</summary>
    public string Table { get; init; } = "flights";

    /// <summary>Simulated latency per transformed row.</summary>
    public TimeSpan LatencyPerRow { get; init; } = TimeSpan.Zero;

    /// <summary>Rows per transform batch.</summary>
    public int BatchSize { get; init; } = BatchTransform.DefaultBatchSize;

    /// <summary>Workers of the pool baseline.</summary>
    public int PoolWorkers { get; init; } = 4;

    /// <summary>Run the sequential and pool baselines after the main job.</summary>
    public bool Baselines { get; init; } = true;

    /// <summary>Count and skip malformed rows instead of failing.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>
    /// The CSV reader. The span-based one by default: CsvHelper measured as the read stage's bottleneck
    /// (5.2 s of CPU against 2.7 s for the same 2.6 million rows; benchmarks/FlightsEtl/README.md).
    /// </summary>
    public CsvParserKind Parser { get; init; } = CsvParserKind.Fast;

    /// <summary>The log file; <see langword="null"/> for none.</summary>
    public string? LogPath { get; init; } = "etl.log";

    /// <summary>No progress and no report on the console.</summary>
    public bool Quiet { get; init; }

    /// <summary>Print the usage text and do nothing else.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>The command line's usage text.</summary>
    public static string Usage { get; } = """
        Usage: FlightsEtl [options]

        Generates the flights CSV files (once; later runs reuse them), reads them as a TaskGraph graph,
        computes DepDelay's mean and standard deviation, imputes and transforms DepDelay in batches, loads
        the result into SQLite, then runs the same stages sequentially and through a 4-worker pool.

          --rows N          rows to generate in all files (default 2611892)
          --files N         files to generate (default 10)
          --seed N          generator seed (default 1990)
          --data DIR        data directory (default data)
          --no-generate     read every *.csv in --data as it is, without generating
          --db PATH         SQLite database (default flights.db)
          --table NAME      result table, a plain identifier (default flights)
          --latency-us N    simulated latency per transformed row, in microseconds (default 0)
          --batch-size N    rows per transform batch (default 4000)
          --workers N       workers of the pool baseline (default 4)
          --no-baselines    skip the sequential and pool comparison
          --skip-bad-rows   count and skip malformed rows instead of failing
          --parser NAME     fast (default; plain unquoted rows) or csvhelper (RFC 4180 quoting, about half the speed)
          --log PATH        log file (default etl.log); --no-log for none
          --quiet           no progress and no report
          --help            this text
        """;

    /// <summary>Parses the command line.</summary>
    /// <exception cref="OptionsException">An unknown flag, a missing or bad value.</exception>
    public static FlightsOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new FlightsOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string flag = args[i];
            options = flag switch
            {
                "--rows" => options with { Rows = Number(flag, Value(args, ref i), 0, long.MaxValue) },
                "--files" => options with { Files = (int)Number(flag, Value(args, ref i), 1, DataGenerator.MaxFiles) },
                "--seed" => options with { Seed = (ulong)Number(flag, Value(args, ref i), 0, long.MaxValue) },
                "--data" => options with { DataDirectory = Value(args, ref i) },
                "--no-generate" => options with { Generate = false },
                "--db" => options with { DatabasePath = Value(args, ref i) },
                "--table" => options with { Table = TableName(Value(args, ref i)) },
                "--latency-us" => options with { LatencyPerRow = TimeSpan.FromMicroseconds(Number(flag, Value(args, ref i), 0, 10_000_000)) },
                "--batch-size" => options with { BatchSize = (int)Number(flag, Value(args, ref i), 1, int.MaxValue) },
                "--workers" => options with { PoolWorkers = (int)Number(flag, Value(args, ref i), 1, 1024) },
                "--no-baselines" => options with { Baselines = false },
                "--skip-bad-rows" => options with { SkipBadRows = true },
                "--parser" => options with { Parser = ParserKind(Value(args, ref i)) },
                "--log" => options with { LogPath = Value(args, ref i) },
                "--no-log" => options with { LogPath = null },
                "--quiet" => options with { Quiet = true },
                "--help" or "-h" or "-?" => options with { ShowHelp = true },
                _ => throw new OptionsException($"Unknown option '{flag}'."),
            };
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int index)
    {
        string flag = args[index];
        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new OptionsException($"Option '{flag}' needs a value.");
        }

        return args[++index];
    }

    private static long Number(string flag, string text, long min, long max)
    {
        if (!long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out long value))
        {
            throw new OptionsException($"Option '{flag}' needs a whole number; '{text}' is not one.");
        }

        if (value < min || value > max)
        {
            throw new OptionsException($"Option '{flag}' must be between {min} and {max}; got {value}.");
        }

        return value;
    }

    private static string TableName(string text)
        => SqliteTarget.IsPlainIdentifier(text)
            ? text
            : throw new OptionsException($"Table name '{text}' is not a plain identifier: use 1-{SqliteTarget.MaxTableNameLength} letters, digits and underscores, not starting with a digit or 'sqlite_'.");

    private static CsvParserKind ParserKind(string text) => text.ToLowerInvariant() switch
    {
        "csvhelper" => CsvParserKind.CsvHelper,
        "fast" => CsvParserKind.Fast,
        _ => throw new OptionsException($"Option '--parser' takes csvhelper or fast; '{text}' is neither."),
    };
}

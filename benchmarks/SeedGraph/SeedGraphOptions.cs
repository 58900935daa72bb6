using System;
using System.Collections.Generic;
using System.Globalization;

namespace SeedGraph;

/// <summary>The benchmark's command line.</summary>
/// <param name="Repeats">Runs of the async and the marked blocking variant each.</param>
/// <param name="UnmarkedRepeats">Runs of the unmarked blocking variant (each takes about 15 times longer); 0 skips it.</param>
/// <param name="TimeScale">Multiplies the seed's latencies (1 = the seed's).</param>
/// <param name="Seed">Seeds the pair choices and durations.</param>
internal sealed record SeedGraphOptions(int Repeats, int UnmarkedRepeats, double TimeScale, int Seed)
{
    public const string Usage = """
        Usage: SeedGraph [--repeats N] [--unmarked-repeats N] [--time-scale X] [--seed N]

          --repeats           runs of the async and of the Blocking = true variant (default 5)
          --unmarked-repeats  runs of the unmarked blocking variant, about 35 s each at scale 1 (default 3; 0 skips it)
          --time-scale        multiplies the seed's latencies (default 1, the seed's)
          --seed              seeds the random pairs and durations (default 42, as the sample)
        """;

    public static SeedGraphOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SeedGraphOptions(5, 3, 1.0, 42);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--repeats" => options with { Repeats = Parse<int>(name, value, minimum: 1) },
                "--unmarked-repeats" => options with { UnmarkedRepeats = Parse<int>(name, value, minimum: 0) },
                "--time-scale" => options with { TimeScale = Parse<double>(name, value, minimum: 0.01) },
                "--seed" => options with { Seed = Parse<int>(name, value, minimum: int.MinValue) },
                _ => throw new ArgumentException($"Unknown argument '{name}'."),
            };
        }

        return options;
    }

    private static T Parse<T>(string name, string value, T minimum)
        where T : struct, ISpanParsable<T>, IComparable<T>
        => T.TryParse(value, CultureInfo.InvariantCulture, out T number) && number.CompareTo(minimum) >= 0
            ? number
            : throw new ArgumentException($"{name} must be a number of at least {minimum}, not '{value}'.");
}

using System;
using System.IO;
using BuildCost;

const string Usage = """
    Usage: BuildCost [all|generator|analyzers|build] [--runs N] [--rounds N]
           BuildCost generate DIR        writes the four variants of the project into DIR/<variant>

      generator   the generator in-process: first run, re-runs after edits (all steps must be cached)
      analyzers   the compiler in-process: compiles with and without TaskGraph, and the analyzers' execution time
      build       dotnet build of four variants (without TaskGraph, generated code as plain source, runtime and
                  generator, everything), with a fresh compiler per build and with the compiler server
      all         the three (default)
      --runs      in-process repetitions (default 5)
      --rounds    rounds of the four builds per compiler set-up (default 5)
    """;

bool hasCommand = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);
string command = hasCommand ? args[0] : "all";
string[] options = hasCommand ? args[1..] : args;
if (command == "generate")
{
    if (options.Length != 1)
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }

    foreach (ProjectVariant variant in Enum.GetValues<ProjectVariant>())
    {
        GeneratedProject.Write(Path.Combine(options[0], variant.ToString()), variant, AppContext.BaseDirectory);
    }

    Console.WriteLine($"Wrote {string.Join(", ", Enum.GetNames<ProjectVariant>())} under {options[0]}.");
    return 0;
}

int runs = 5;
int rounds = 5;
for (int i = 0; i < options.Length; i++)
{
    int? value = i + 1 < options.Length && int.TryParse(options[i + 1], out int number) && number > 0 ? number : null;
    switch (options[i])
    {
        case "--runs" when value is not null:
            runs = value.Value;
            break;
        case "--rounds" when value is not null:
            rounds = value.Value;
            break;
        default:
            Console.Error.WriteLine($"Bad argument '{options[i]}' (a count must follow --runs and --rounds).");
            Console.Error.WriteLine(Usage);
            return 2;
    }

    i++;
}

if (command is not ("all" or "generator" or "analyzers" or "build"))
{
    Console.Error.WriteLine($"Unknown command '{command}'.");
    Console.Error.WriteLine(Usage);
    return 2;
}

Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
bool ok = true;
if (command is "all" or "generator")
{
    ok &= GeneratorCost.Run(runs, Console.Out);
    Console.WriteLine();
}

if (command is "all" or "analyzers")
{
    ok &= await AnalyzerCost.RunAsync(runs, Console.Out);
    Console.WriteLine();
}

if (command is "all" or "build")
{
    ok &= BuildTimes.Run(AppContext.BaseDirectory, rounds, Console.Out);
}

return ok ? 0 : 1;

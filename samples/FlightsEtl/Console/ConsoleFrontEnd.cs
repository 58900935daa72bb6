using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.CommandLine.Help;
using Spectre.Console;
using TaskGraph;
using TaskGraph.Dashboard;

namespace FlightsEtl;

/// <summary>Runs the job for a person at a console: bars on a terminal, plain lines when redirected, nothing with --quiet; errors as one clear line and an exit code.</summary>
public static class ConsoleFrontEnd
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the job failed (bad data, I/O, database).</summary>
    public const int Failed = 1;

    /// <summary>Exit code for a wrong command line.</summary>
    public const int BadArguments = 2;

    /// <summary>Exit code when cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>Parses <paramref name="args"/>, runs the job and reports; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parse = FlightsCommandLine.Parse(args);
        if (TaskGraph.Samples.SampleOptions.Refuse(parse, error, FlightsCommandLine.WriteHelp))
        {
            return BadArguments;
        }

        if (parse.Action is HelpAction)
        {
            FlightsCommandLine.WriteHelp(output);
            return Success;
        }

        var options = FlightsCommandLine.Options(parse);
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        try
        {
            await using var dashboard = await StartDashboardAsync(options, output, cancellationToken).ConfigureAwait(false);
            options = dashboard is null ? options : options with { Observers = [dashboard] };
            FlightsResult result;
            if (options.Quiet)
            {
                result = await FlightsJob.RunAsync(options, SilentProgress.Instance, cancellationToken).ConfigureAwait(false);
                return Success;
            }

            if (terminal)
            {
                result = await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(context => FlightsJob.RunAsync(options, new SpectreProgress(context), cancellationToken))
                    .ConfigureAwait(false);
                Report.Write(AnsiConsole.Console, result);
            }
            else
            {
                result = await FlightsJob.RunAsync(options, new PlainTextProgress(output), cancellationToken).ConfigureAwait(false);
                Report.Write(PlainConsole(output), result);
            }

            return Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled; the result table is as it was before this run.").ConfigureAwait(false);
            return Cancelled;
        }
        catch (Exception problem) when (problem is not OutOfMemoryException)
        {
            await error.WriteLineAsync($"error: {FlightsErrors.Describe(problem)}").ConfigureAwait(false);
            return problem is ArgumentException ? BadArguments : Failed;
        }
    }

    /// <summary>Starts the live dashboard that <c>--dashboard</c> asks for and prints its address; <see langword="null"/> without the option.</summary>
    private static async Task<TaskGraphDashboard?> StartDashboardAsync(FlightsOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.DashboardPort is not { } port)
        {
            return null;
        }

        var dashboard = await TaskGraphDashboard.StartAsync(new DashboardOptions { Port = port }, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Dashboard: {dashboard.Address}").ConfigureAwait(false);
        return dashboard;
    }

    /// <summary>A Spectre console that writes plain text (no colours, no cursor moves) to <paramref name="output"/>.</summary>
    public static IAnsiConsole PlainConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160; // a file has no width: keep the table's rows on one line each
        return console;
    }
}

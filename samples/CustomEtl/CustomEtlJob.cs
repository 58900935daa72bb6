using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;
using TaskGraph.Dashboard;

namespace CustomEtl;

/// <summary>Runs the seed's examples in parallel and sequentially and reports the speed-up against its physical limit.</summary>
public static class CustomEtlJob
{
    /// <summary>Runs every example in <paramref name="options"/>, writing a table to <paramref name="output"/>.</summary>
    public static Task<IReadOnlyList<ExampleReport>> RunAsync(CustomEtlOptions options, TextWriter output, CancellationToken cancellationToken)
        => RunAsync(options, output, progress: null, cancellationToken);

    /// <summary>
    /// Runs every example in <paramref name="options"/>, writing a table to <paramref name="output"/>, a
    /// progress bar per compute to <paramref name="progress"/> (when given and <see cref="CustomEtlOptions.ShowProgress"/>),
    /// and the picture and trace the options ask for.
    /// </summary>
    /// <exception cref="GraphvizNotFoundException">An image was asked for and Graphviz is not installed (checked before anything runs).</exception>
    public static async Task<IReadOnlyList<ExampleReport>> RunAsync(CustomEtlOptions options, TextWriter output, TextWriter? progress, CancellationToken cancellationToken)
    {
        GraphFile? graph = options.Graph is null ? null : GraphFile.Open(options.Graph, Environment.GetEnvironmentVariable("PATH"));
        await using var cluster = options.ClusterWorkers > 0 ? await TaskGraph.Orleans.LocalCluster.StartAsync(options.ClusterWorkers, cancellationToken: cancellationToken).ConfigureAwait(false) : null;
        string where = cluster is null ? "" : $" on a local cluster of {cluster.Workers} worker processes";
        await using var dashboard = options.DashboardPort is { } port ? await TaskGraphDashboard.StartAsync(new DashboardOptions { Port = port }, cancellationToken).ConfigureAwait(false) : null;
        if (dashboard is not null)
        {
            output.WriteLine($"Dashboard: {dashboard.Address}");
        }

        var run = new ExampleRun(options, options.ShowProgress ? progress : null, cluster?.Scheduler, dashboard);
        var reports = new List<ExampleReport>();
        foreach (EtlExample example in options.Examples)
        {
            output.WriteLine($"Computing the {example.Name} example ({example.Files} files, {example.Comparisons} comparisons){where}...");
            reports.Add(await run.RunAsync(example, cancellationToken).ConfigureAwait(false));
        }

        WriteTable(reports, output);
        if (graph is not null)
        {
            IReadOnlyList<string> written = graph.Write(run.Graphs, run.States);
            for (int i = 0; i < written.Count; i++)
            {
                output.WriteLine($"Graph of the {run.Graphs[i].Example.Name} example written to {written[i]}.");
            }
        }

        if (options.Trace is not null && run.Trace is not null)
        {
            run.Trace.Save(options.Trace);
            output.WriteLine($"Trace of {run.Trace.TaskCount} tasks written to {options.Trace} (open it in https://ui.perfetto.dev).");
        }

        return reports;
    }

    private static void WriteTable(IReadOnlyList<ExampleReport> reports, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"example",-8} {"tasks",6} {"result",8} {"parallel",10} {"sequential",11} {"critical path",14} {"speed-up",9} {"vs path",8}");
        foreach (ExampleReport report in reports)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{report.Example.Name,-8} {report.TaskCount,6} {report.Result,8:F4} {Seconds(report.Parallel),10} {Seconds(report.Sequential),11} {Seconds(report.CriticalPath),14} {report.SpeedUp,8:F1}x {report.OverCriticalPath,7:F3}x"));
        }

        output.WriteLine();
        output.WriteLine("speed-up = sequential / parallel; vs path = parallel / critical path (1.000x is the physical limit).");
    }

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:F3} s");
}

using System;
using System.CommandLine.Help;
using System.IO;
using System.Threading;
using CustomEtl;

if (await TaskGraph.Orleans.LocalCluster.RunWorkerIfAskedAsync())
{
    return 0; // this process was a worker of --cluster N, started by another run of this program
}

var parse = CustomEtlCommandLine.Parse(args);
if (TaskGraph.Samples.SampleOptions.Refuse(parse, Console.Error, CustomEtlCommandLine.WriteHelp))
{
    return 2;
}

if (parse.Action is HelpAction)
{
    CustomEtlCommandLine.WriteHelp(Console.Out);
    return 0;
}

CustomEtlOptions options = CustomEtlCommandLine.Options(parse);
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    await CustomEtlJob.RunAsync(options, Console.Out, Console.Error, cancellation.Token);
    return 0;
}
catch (GraphvizNotFoundException error)
{
    Console.Error.WriteLine(error.Message);
    return 3;
}
catch (IOException error)
{
    // The dashboard's port is taken.
    Console.Error.WriteLine(error.Message);
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

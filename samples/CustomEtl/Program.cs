using System;
using System.IO;
using System.Threading;
using CustomEtl;

if (await TaskGraph.Orleans.LocalCluster.RunWorkerIfAskedAsync())
{
    return 0; // this process was a worker of --cluster N, started by another run of this program
}

CustomEtlOptions options;
try
{
    if (args is ["--help"] or ["-h"])
    {
        Console.WriteLine(CustomEtlOptions.Usage);
        return 0;
    }

    options = CustomEtlOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(CustomEtlOptions.Usage);
    return 2;
}

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

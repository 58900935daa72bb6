using System;
using System.Threading;
using FlightsEtl;

// Only the command line and Ctrl+C live here; the job is FlightsJob, callable from tests.
if (await TaskGraph.Orleans.LocalCluster.RunWorkerIfAskedAsync())
{
    return 0; // this process was a worker of --cluster N, started by another run of this program
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true; // let the job stop cleanly: tasks see the token, the result table stays whole
    cancellation.Cancel();
};
return await ConsoleFrontEnd.RunAsync(args, Console.Out, Console.Error, cancellation.Token);

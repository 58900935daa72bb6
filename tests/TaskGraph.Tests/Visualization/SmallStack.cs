using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace TaskGraph.Tests.Visualization;

/// <summary>Runs a body on a 256 KB stack, so any per-node recursion overflows at once; rethrows what it threw.</summary>
internal static class SmallStack
{
    internal static void Run(Action body)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    body();
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        failure?.Throw();
    }
}

using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace TaskGraph.Tests;

/// <summary>Runs code on a 256 KB stack, so that any per-node recursion overflows at once (scale tests).</summary>
internal static class SmallStack
{
    public static void Run(Action body) => Run<object?>(() =>
    {
        body();
        return null;
    });

    /// <summary>Runs <paramref name="body"/> on a 256 KB stack and returns its result, or rethrows what it threw.</summary>
    public static T Run<T>(Func<T> body)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = body();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return result;
    }
}

using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;

namespace TaskGraph.Tests;

/// <summary>
/// Instance methods whose wrappers capture <c>this</c>, as generated instance wrappers do: each task runs
/// a test-supplied body and the probe counts calls, concurrency and order.
/// </summary>
internal sealed class Probe
{
    private static readonly DelayedMethod RunMethod = TestMethods.Describe("Run", 2);
    private static readonly DelayedMethod RunBlockingMethod = TestMethods.Describe("RunBlocking", 2, blocking: true);
    private static readonly DelayedMethod RunAsyncMethod = TestMethods.Describe("RunAsync", 2, resultKind: DelayedResultKind.TaskOfResult);
    private static readonly DelayedMethod PureRunMethod = TestMethods.Describe("PureRun", 2, pure: true);

    private readonly Func<string, int, CancellationToken, int> body;
    private readonly Func<string, int, CancellationToken, Task<int>>? asyncBody;
    private int running;
    private int maxRunning;
    private int calls;

    public Probe(Func<string, int, CancellationToken, int>? body = null, Func<string, int, CancellationToken, Task<int>>? asyncBody = null)
    {
        this.body = body ?? ((_, input, _) => input + 1);
        this.asyncBody = asyncBody;
    }

    /// <summary>Names of the tasks in the order they started.</summary>
    public ConcurrentQueue<string> Started { get; } = new();

    /// <summary>Names of the tasks in the order they finished (successfully or not).</summary>
    public ConcurrentQueue<string> Finished { get; } = new();

    public int Calls => Volatile.Read(ref calls);

    public int MaxRunning => Volatile.Read(ref maxRunning);

    public int Running => Volatile.Read(ref running);

    public int Run(string name, int input, CancellationToken cancellationToken)
    {
        Enter(name);
        try
        {
            return body(name, input, cancellationToken);
        }
        finally
        {
            Leave(name);
        }
    }

    public async Task<int> RunAsync(string name, int input, CancellationToken cancellationToken)
    {
        Enter(name);
        try
        {
            return await asyncBody!(name, input, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Leave(name);
        }
    }

    public Delayed<int> RunDelayed(Delayed<string> name, Delayed<int> input)
        => DelayedCall.Create(RunMethod, (args, ct) => Run(args.Get<string>(0), args.Get<int>(1), ct), name, input);

    public Delayed<int> RunBlockingDelayed(Delayed<string> name, Delayed<int> input)
        => DelayedCall.Create(RunBlockingMethod, (args, ct) => Run(args.Get<string>(0), args.Get<int>(1), ct), name, input);

    public Delayed<int> RunAsyncDelayed(Delayed<string> name, Delayed<int> input)
        => DelayedCall.CreateAsync(RunAsyncMethod, (args, ct) => new ValueTask<int>(RunAsync(args.Get<string>(0), args.Get<int>(1), ct)), name, input);

    public Delayed<int> PureRunDelayed(Delayed<string> name, Delayed<int> input)
        => DelayedCall.Create(PureRunMethod, (args, ct) => Run(args.Get<string>(0), args.Get<int>(1), ct), name, input);

    private void Enter(string name)
    {
        Interlocked.Increment(ref calls);
        Started.Enqueue(name);
        int now = Interlocked.Increment(ref running);
        int seen = Volatile.Read(ref maxRunning);
        while (now > seen && Interlocked.CompareExchange(ref maxRunning, now, seen) != seen)
        {
            seen = Volatile.Read(ref maxRunning);
        }
    }

    private void Leave(string name)
    {
        Finished.Enqueue(name);
        Interlocked.Decrement(ref running);
    }
}

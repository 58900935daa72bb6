using System;
using System.Collections.Generic;
using System.Threading;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// Makes chosen nodes throw, one failure at a time: the first fault holds a gate until the compute's
/// token is cancelled (the failure has been observed and the compute stopped), so a second fault can
/// only happen after that, and the first fault in time is exactly the one the compute must report.
/// Records when the failure was observed, on the graph's <see cref="TaskRecorder"/> clock. A transient
/// fault (a node that fails only its first few attempts) bypasses the gate: retries absorb it.
/// </summary>
internal sealed class FaultInjector
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly HashSet<int> faulty;
    private readonly Dictionary<int, int> failuresLeft;
    private readonly Dictionary<int, int> attempts = new();
    private readonly Func<int, int>? retries;
    private readonly TaskRecorder recorder;
    private readonly SemaphoreSlim gate = new(1, 1);
    private long observedAt = long.MaxValue;
    private int firstFault = -1;
    private int thrown;

    /// <param name="failures">Each faulty node and how many of its attempts fail (<see cref="int.MaxValue"/>: all of them).</param>
    /// <param name="recorder">The graph's clock.</param>
    /// <param name="retries">Each node's retry budget, if any: a node that fails every attempt takes the gate only on its last one.</param>
    public FaultInjector(IReadOnlyDictionary<int, int> failures, TaskRecorder recorder, Func<int, int>? retries = null)
    {
        faulty = new HashSet<int>(failures.Keys);
        failuresLeft = new Dictionary<int, int>(failures);
        this.retries = retries;
        this.recorder = recorder;
    }

    public IReadOnlyCollection<int> Faulty => faulty;

    /// <summary>The node whose fault came first; -1 when none was thrown.</summary>
    public int FirstFault => Volatile.Read(ref firstFault);

    /// <summary>When the compute's token was cancelled after the first fault; <see cref="long.MaxValue"/> if it never was.</summary>
    public long FailureObservedAt => Interlocked.Read(ref observedAt);

    /// <summary>How many faults were thrown, including ones after the compute stopped.</summary>
    public int Thrown => Volatile.Read(ref thrown);

    /// <summary>Throws if node <paramref name="node"/> is to fail this attempt; <paramref name="computeToken"/> is the token the task received.</summary>
    public void MaybeThrow(int node, CancellationToken computeToken)
    {
        if (!faulty.Contains(node))
        {
            return;
        }

        bool transient;
        lock (failuresLeft)
        {
            if (failuresLeft[node] == 0)
            {
                return;
            }

            attempts[node] = attempts.GetValueOrDefault(node) + 1;
            transient = failuresLeft[node] != int.MaxValue || attempts[node] <= (retries?.Invoke(node) ?? 0);
            if (failuresLeft[node] != int.MaxValue)
            {
                failuresLeft[node]--;
            }
        }

        Interlocked.Increment(ref thrown);
        if (transient)
        {
            // An attempt the task's retries absorb: it does not stop the compute, so it takes no gate.
            throw new InjectedFault(node, afterStop: false);
        }

        if (!gate.Wait(HangGuard))
        {
            throw new TimeoutException($"Node {node} waited in vain for the compute to stop after the fault at node {FirstFault}.");
        }

        if (computeToken.IsCancellationRequested)
        {
            gate.Release();
            throw new InjectedFault(node, afterStop: true);
        }

        Volatile.Write(ref firstFault, node);
        computeToken.Register(() =>
        {
            Interlocked.Exchange(ref observedAt, recorder.Tick());
            gate.Release();
        });
        throw new InjectedFault(node, afterStop: false);
    }
}

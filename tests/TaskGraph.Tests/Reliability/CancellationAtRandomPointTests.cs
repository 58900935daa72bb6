using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// Issue 6, point 3: a 100,000-task random graph cancelled at a random point, from inside a task or from
/// another thread, through <c>Compute</c> and <c>ComputeAsync</c>: the call ends with
/// <see cref="OperationCanceledException"/>, nothing starts after the cancellation took effect, nothing is
/// left running.
/// </summary>
public sealed class CancellationAtRandomPointTests
{
    /// <summary>Cancellations the suite makes at random points of a 100,000-task graph.</summary>
    public const int Cancellations = 8;

    private const int Size = 100_000;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper output;

    public CancellationAtRandomPointTests(ITestOutputHelper output) => this.output = output;

    /// <summary>One case per cancellation: seeds 1..<see cref="Cancellations"/>, alternating Compute/ComputeAsync and where the cancel comes from.</summary>
    public static TheoryData<int, bool, bool> Cases()
    {
        var cases = new TheoryData<int, bool, bool>();
        for (int seed = 1; seed <= Cancellations; seed++)
        {
            cases.Add(seed, seed % 2 == 0, seed % 4 >= 2);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CancelledAtARandomPointEndsCanceledWithNothingStartedAfterwardsOrLeftRunning(int seed, bool useAsync, bool fromAnotherThread)
    {
        RandomDag dag = RandomDag.Generate(7_000_000 + seed, Size, allowBlocking: false);
        int cancelAfter = new Random(seed).Next(1, Size);
        var options = new ComputeOptions { MaxDegreeOfParallelism = 1 + (seed % 4) };
        using var cancel = new CancellationTokenSource();
        using var reached = new ManualResetEventSlim();
        long cancelledAt = long.MaxValue;
        TaskRecorder recorder = null!;
        recorder = new TaskRecorder(dag.Count)
        {
            OnStart = started =>
            {
                if (started != cancelAfter)
                {
                    return;
                }

                if (fromAnotherThread)
                {
                    // Held until the other thread cancels, so that the graph cannot finish first.
                    reached.Set();
                    cancel.Token.WaitHandle.WaitOne(HangGuard);
                    return;
                }

                // Cancel runs the compute's callback before it returns: the stop is in effect from here on.
                cancel.Cancel();
                Interlocked.Exchange(ref cancelledAt, recorder.Tick());
            },
        };
        Delayed<ulong>[] nodes = DagGraph.Build(dag, recorder);
        Delayed<ulong>[] targets = dag.Targets.Select(t => nodes[t]).ToArray();
        Task? canceller = fromAnotherThread
            ? Task.Run(() =>
            {
                reached.Wait(HangGuard);
                cancel.Cancel();
                Interlocked.Exchange(ref cancelledAt, recorder.Tick());
            })
            : null;

        var error = Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            _ = useAsync
                ? Delayed.ComputeAsync(targets, options, cancel.Token).GetAwaiter().GetResult()
                : Delayed.Compute(targets, options, cancel.Token);
        });
        canceller?.Wait(HangGuard);

        Assert.Equal(cancel.Token, error.CancellationToken);
        GraphChecks.NothingLeftRunning(dag, recorder);
        GraphChecks.StartedOnceAfterTheirInputs(dag, recorder);
        int late = GraphChecks.StartsAfterStop(dag, recorder, Interlocked.Read(ref cancelledAt));
        int slots = options.MaxDegreeOfParallelism;
        Assert.True(late <= slots, $"{late} tasks started after the cancellation took effect, more than the {slots} that could have been starting then.");
        Assert.True(recorder.Started < Size, "Every task ran: the cancellation stopped nothing.");
        output.WriteLine($"Cancelled {(fromAnotherThread ? "from another thread" : "inside a task")} at start {cancelAfter} of {Size} ({(useAsync ? "ComputeAsync" : "Compute")}, parallelism {slots}): {recorder.Started} tasks started, {late} already starting when the cancellation took effect.");
    }
}

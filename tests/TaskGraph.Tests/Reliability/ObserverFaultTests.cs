using System;
using System.Linq;
using System.Threading;
using Xunit;
using Xunit.Abstractions;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// Issue 6, point 6 (observers): an observer or progress callback that throws at a random moment of a
/// random graph's compute fails that compute clearly (an <see cref="InvalidOperationException"/> naming the
/// callback, carrying what it threw), stops it like a failing task (nothing left running), still lets
/// every observer hear the finish once, and leaves the graph intact: computed again, it gives the reference.
/// </summary>
public sealed class ObserverFaultTests
{
    private const string Progress = "progress";

    private readonly ITestOutputHelper output;

    public ObserverFaultTests(ITestOutputHelper output) => this.output = output;

    public static TheoryData<string, int> Callbacks()
    {
        var data = new TheoryData<string, int>();
        string[] callbacks = { nameof(IComputeObserver.OnComputeStarted), nameof(IComputeObserver.OnTaskStarted), nameof(IComputeObserver.OnTaskCompleted), nameof(IComputeObserver.OnTaskFailed), nameof(IComputeObserver.OnComputeFinished), Progress };
        foreach (string callback in callbacks)
        {
            for (int seed = 1; seed <= 5; seed++)
            {
                data.Add(callback, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Callbacks))]
    public void ThrowingCallbackFailsTheComputeClearlyAndCorruptsNothing(string callback, int seed)
    {
        RandomDag dag = RandomDag.Generate(9_000_000 + seed, 2_000, allowBlocking: true);
        ulong[] expected = dag.EvaluateSequentially();
        var recorder = new TaskRecorder(dag.Count);

        // OnTaskFailed needs a failing task: one node fails every attempt.
        FaultInjector? faults = callback == nameof(IComputeObserver.OnTaskFailed)
            ? new FaultInjector(new System.Collections.Generic.Dictionary<int, int> { [dag.Targets[0]] = int.MaxValue }, recorder)
            : null;
        Delayed<ulong>[] nodes = DagGraph.Build(dag, recorder, faults);
        Delayed<ulong>[] targets = dag.Targets.Select(t => nodes[t]).ToArray();
        int throwAt = callback is nameof(IComputeObserver.OnTaskStarted) or nameof(IComputeObserver.OnTaskCompleted) or Progress
            ? new Random(seed).Next(1, dag.Count)
            : 1;
        var broken = new ThrowingObserver(callback, throwAt);
        var witness = new RecordingObserver();
        var options = new ComputeOptions { MaxDegreeOfParallelism = 1 + (seed % 3), Observers = new IComputeObserver[] { broken, witness }, Progress = broken };

        var error = Assert.Throws<InvalidOperationException>(() => Delayed.Compute(targets, options));

        Assert.Contains(callback == Progress ? "progress callback" : callback, error.Message, StringComparison.Ordinal);
        Assert.IsType<ApplicationException>(error.InnerException);
        Assert.Equal(1, witness.Events.Count(e => e.StartsWith("compute finished", StringComparison.Ordinal)));
        Assert.Equal(1, broken.Finishes);
        Assert.Equal(callback == nameof(IComputeObserver.OnComputeFinished) ? ComputeStatus.Succeeded : ComputeStatus.Failed, witness.FinishedStatus);
        GraphChecks.NothingLeftRunning(dag, recorder);
        GraphChecks.StartedOnceAfterTheirInputs(dag, recorder);
        output.WriteLine($"{callback} threw at call {throwAt}: {recorder.Started} of {dag.Count} tasks had started; the compute ended with: {error.Message}");

        if (faults is null)
        {
            ulong[] again = Delayed.Compute(targets);
            Assert.Equal(dag.Targets.Select(t => expected[t]), again);
        }
    }

    /// <summary>Throws <see cref="ApplicationException"/> at the <c>throwAt</c>-th call of one callback.</summary>
    private sealed class ThrowingObserver : IComputeObserver, IProgress<ComputeProgress>
    {
        private readonly string callback;
        private readonly int throwAt;
        private int calls;
        private int finishes;

        public ThrowingObserver(string callback, int throwAt)
        {
            this.callback = callback;
            this.throwAt = throwAt;
        }

        public int Finishes => Volatile.Read(ref finishes);

        public void OnComputeStarted(ComputeInfo compute) => Call(nameof(OnComputeStarted));

        public void OnTaskStarted(ComputeInfo compute, DelayedNode task) => Call(nameof(OnTaskStarted));

        public void OnTaskCompleted(ComputeInfo compute, DelayedNode task) => Call(nameof(OnTaskCompleted));

        public void OnTaskFailed(ComputeInfo compute, DelayedNode task, Exception exception) => Call(nameof(OnTaskFailed));

        public void OnComputeFinished(ComputeInfo compute, ComputeStatus status, Exception? exception)
        {
            Interlocked.Increment(ref finishes);
            Call(nameof(OnComputeFinished));
        }

        public void Report(ComputeProgress value) => Call(Progress);

        private void Call(string name)
        {
            if (name == callback && Interlocked.Increment(ref calls) == throwAt)
            {
                throw new ApplicationException($"observer broke in {name} at call {throwAt}");
            }
        }
    }
}

using System;
using System.Linq;
using System.Threading;
using TaskGraph.Infrastructure;
using TaskGraph.Scheduling;
using Xunit;

namespace TaskGraph.Tests;

public sealed class ParallelismTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public void IndependentTasksRunAtTheSameTime()
    {
        // Each task waits for the other to start: only a parallel run finishes both.
        using var bothStarted = new Barrier(2);
        var probe = new Probe((_, input, _) => bothStarted.SignalAndWait(HangGuard) ? input : -1);

        var (left, right) = Delayed.Compute(
            probe.RunDelayed("left", 1),
            probe.RunDelayed("right", 2),
            new ComputeOptions { MaxDegreeOfParallelism = 2 });

        Assert.Equal((1, 2), (left, right));
        Assert.Equal(2, probe.MaxRunning);
    }

    [Fact]
    public void FanInStartsWhileAWorkerThatFinishedSomeOfItsInputsRunsAnUnrelatedTask()
    {
        // A worker keeps the finished inputs of a wide fan-in unreported while it runs more of them. The
        // worker that goes on to the unrelated task must report its share first: otherwise the fan-in would
        // wait for the unrelated task, which waits for the fan-in. The barrier pairs the inputs, so both
        // workers finish some. The fan-in takes more inputs than the unreported-count threshold and than
        // back-pressure's bound (so its inputs are not held sources and are taken in plan order, the
        // unrelated task last), and an even number of them, for the pairs.
        const int workers = 2;
        int inputCount = ((Math.Max(Computation.UnreportedInputsFrom, BackPressure.HeldSourcesPerWorker * workers) / 2) + 1) * 2;
        using var pairsRun = new Barrier(2);
        using var fanInRan = new ManualResetEventSlim();
        var inputs = new Probe((_, input, _) => pairsRun.SignalAndWait(HangGuard) ? input : -1);
        var waiter = new Probe((_, _, _) => fanInRan.Wait(HangGuard) ? 1 : 0);
        DelayedNode[] fanInArguments = Enumerable.Range(0, inputCount).Select(i => (DelayedNode)inputs.RunDelayed("input", i)).ToArray();
        Delayed<int> fanIn = DelayedCall.Create(
            TestMethods.Describe("FanIn", inputCount),
            (arguments, _) =>
            {
                fanInRan.Set();
                return Enumerable.Range(0, inputCount).Sum(arguments.Get<int>);
            },
            fanInArguments);

        var (sum, waited) = Delayed.Compute(
            fanIn,
            waiter.RunDelayed("unrelated", 0),
            new ComputeOptions { MaxDegreeOfParallelism = workers });

        Assert.Equal(inputCount * (inputCount - 1) / 2, sum);
        Assert.Equal(1, waited);
    }

    [Fact]
    public void SharedNodeRunsOnce()
    {
        var probe = new Probe();
        Delayed<int> shared = probe.RunDelayed("shared", 1);
        Delayed<int>[] consumers = Enumerable.Range(0, 20).Select(i => Arithmetic.AddDelayed(shared, i)).ToArray();

        int[] values = Delayed.Compute(consumers);

        Assert.Equal(Enumerable.Range(2, 20), values);
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public void MaxDegreeOfParallelismLimitsCpuTasks()
    {
        var probe = new Probe((_, input, _) =>
        {
            Thread.SpinWait(20_000);
            return input;
        });
        Delayed<int>[] tasks = Enumerable.Range(0, 200).Select(i => probe.RunDelayed("t", i)).ToArray();

        Delayed.Compute(tasks, new ComputeOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(200, probe.Calls);
        Assert.Equal(1, probe.MaxRunning);
    }
}

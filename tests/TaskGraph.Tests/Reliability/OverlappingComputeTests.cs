using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// Issue 6, point 4: computes that share nodes run at once on eight threads and get correct results;
/// computes nested inside tasks complete, even with one slot at every level.
/// </summary>
public sealed class OverlappingComputeTests
{
    private const int Threads = 8;
    private const int RoundsPerThread = 12;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public void EightThreadsComputingOverlappingTargetsOfOneGraphGetTheReference()
    {
        RandomDag dag = RandomDag.Generate(8_000_001, 3_000, allowBlocking: true);
        ulong[] expected = dag.EvaluateSequentially();
        var recorder = new TaskRecorder(dag.Count);
        Delayed<ulong>[] nodes = DagGraph.Build(dag, recorder);
        using var start = new Barrier(Threads);
        var failures = new List<string>();
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            start.SignalAndWait(HangGuard);
            for (int round = 0; round < RoundsPerThread; round++)
            {
                // Each thread's targets: a random half of the graph's targets and some inner nodes, so computes overlap.
                int[] chosen = dag.Targets.Where(_ => random.Next(2) == 0)
                    .Concat(Enumerable.Range(0, 20).Select(_ => random.Next(dag.Count)))
                    .ToArray();
                var options = new ComputeOptions { MaxDegreeOfParallelism = 1 + random.Next(4) };
                IEnumerable<Delayed<ulong>> targets = chosen.Select(c => nodes[c]);
                ulong[] values = round % 2 == 0
                    ? Delayed.Compute(targets, options)
                    : Delayed.ComputeAsync(targets, options).GetAwaiter().GetResult();
                for (int k = 0; k < chosen.Length; k++)
                {
                    if (values[k] != expected[chosen[k]])
                    {
                        lock (failures)
                        {
                            failures.Add($"thread {t}, round {round}: node {chosen[k]} computed {values[k]}, expected {expected[chosen[k]]}");
                        }
                    }
                }
            }
        })).ToList();

        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => Assert.True(thread.Join(HangGuard), "A computing thread did not finish."));

        Assert.Empty(failures);
        Assert.Equal(0, recorder.Running);
        Assert.Equal(recorder.Started, recorder.Ended);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ComputesNestedThreeDeepInTasksCompleteWithOneSlotEach(bool useAsync)
    {
        // Every level's tasks start a compute of their own and wait for it on their thread.
        var one = new ComputeOptions { MaxDegreeOfParallelism = 1 };
        RandomDag inner = RandomDag.Generate(8_000_002, 200, allowBlocking: false);
        ulong innerExpected = inner.EvaluateSequentially().Aggregate(0UL, (sum, v) => sum ^ v);

        ulong ComputeInner()
        {
            Delayed<ulong>[] nodes = DagGraph.Build(inner, new TaskRecorder(inner.Count));
            ulong[] values = useAsync ? Delayed.ComputeAsync(nodes, one).GetAwaiter().GetResult() : Delayed.Compute(nodes, one);
            return values.Aggregate(0UL, (sum, v) => sum ^ v);
        }

        Delayed<ulong> Level(string name, Func<ulong> body, int count)
        {
            DelayedMethod method = new($"M:TaskGraph.Tests.Reliability.{name}", name, "TaskGraph.Tests.Reliability") { ParameterNames = new[] { "index" } };
            Delayed<ulong>[] tasks = Enumerable.Range(0, count).Select(i => DelayedCall.Create(method, (_, _) => body(), Delayed.Value(i))).ToArray();
            return DelayedCall.Create(
                new DelayedMethod($"M:TaskGraph.Tests.Reliability.{name}Xor", name + "Xor", "TaskGraph.Tests.Reliability") { ParameterNames = new[] { "values" } },
                (args, _) => args.Get<ulong[]>(0).Aggregate(0UL, (sum, v) => sum ^ v),
                Delayed.All(tasks));
        }

        Delayed<ulong> middle() => Level("Middle", ComputeInner, 3);
        Delayed<ulong> outer = Level("Outer", () => middle().Compute(one), 4);

        ulong result = useAsync ? await outer.ComputeAsync(one) : outer.Compute(one);

        // Three identical inner values xor to one; four identical middle values xor to zero.
        Assert.NotEqual(0UL, innerExpected);
        Assert.Equal(0UL, result);
        Assert.Equal(innerExpected, middle().Compute(one));
    }

    [Fact]
    public void NestedComputesInBlockingAndAsyncTasksComplete()
    {
        var one = new ComputeOptions { MaxDegreeOfParallelism = 1 };
        RandomDag inner = RandomDag.Generate(8_000_003, 100, allowBlocking: true);
        ulong[] expected = inner.EvaluateSequentially();
        ulong Expected(int i) => expected[inner.Targets[0]] + (ulong)i;
        ulong Inner(int i) => Delayed.Compute(DagGraph.Build(inner, new TaskRecorder(inner.Count))[inner.Targets[0]], one) + (ulong)i;

        var blockingMethod = new DelayedMethod("M:TaskGraph.Tests.Reliability.NestInBlocking", "NestInBlocking", "TaskGraph.Tests.Reliability") { ParameterNames = new[] { "i" }, Blocking = true };
        var asyncMethod = new DelayedMethod("M:TaskGraph.Tests.Reliability.NestInAsync", "NestInAsync", "TaskGraph.Tests.Reliability") { ParameterNames = new[] { "i" }, ResultKind = DelayedResultKind.TaskOfResult };
        Delayed<ulong>[] tasks = Enumerable.Range(0, 16)
            .Select(i => i % 2 == 0
                ? DelayedCall.Create(blockingMethod, (args, _) => Inner(args.Get<int>(0)), Delayed.Value(i))
                : DelayedCall.CreateAsync(asyncMethod, (args, _) => NestAfterYield(args.Get<int>(0)), Delayed.Value(i)))
            .ToArray();

        async ValueTask<ulong> NestAfterYield(int i)
        {
            await Task.Yield();
            return await DagGraph.Build(inner, new TaskRecorder(inner.Count))[inner.Targets[0]].ComputeAsync(one) + (ulong)i;
        }

        Assert.Equal(Enumerable.Range(0, 16).Select(Expected), Delayed.Compute(tasks, one));
    }
}

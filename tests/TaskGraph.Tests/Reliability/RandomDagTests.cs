using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// Issue 6, point 2: a thousand random DAGs (see <see cref="DagCatalog"/>), each computed in parallel and
/// checked against a plain sequential evaluation; then each again with faults injected at random nodes.
/// </summary>
public sealed class RandomDagTests
{
    /// <summary>Faults the failure pass injects over all graphs (1 to 3 per graph); the test checks the plan still adds up to it.</summary>
    public const int FaultsInjected = 1_978;

    /// <summary>Nodes the retry pass makes fail fewer times than their budget, over all graphs.</summary>
    public const int TransientFaultsInjected = 1_988;

    private const int RetryBudget = 3;
    private const int PermanentBudget = 2;

    private readonly ITestOutputHelper output;

    public RandomDagTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void EveryGraphComputesItsSequentialReference()
    {
        long tasks = 0;
        long edges = 0;
        for (int index = 0; index < DagCatalog.GraphCount; index++)
        {
            RandomDag dag = DagCatalog.Dag(index);
            ulong[] expected = dag.EvaluateSequentially();
            var recorder = new TaskRecorder(dag.Count);
            Delayed<ulong>[] nodes = DagGraph.Build(dag, recorder);

            ulong[] actual = Compute(index, dag.Targets.Select(t => nodes[t]));

            for (int k = 0; k < dag.Targets.Length; k++)
            {
                if (actual[k] != expected[dag.Targets[k]])
                {
                    Assert.Fail($"Graph {dag.Seed}: target node {dag.Targets[k]} computed {actual[k]}, the sequential reference {expected[dag.Targets[k]]}.");
                }
            }

            Assert.True(recorder.Started == dag.Count, $"Graph {dag.Seed}: {recorder.Started} of {dag.Count} tasks ran.");
            GraphChecks.StartedOnceAfterTheirInputs(dag, recorder);
            GraphChecks.NothingLeftRunning(dag, recorder);
            tasks += dag.Count;
            edges += dag.EdgeCount;
        }

        output.WriteLine($"Random DAGs computed and checked against the sequential reference: {DagCatalog.GraphCount} ({tasks} tasks, {edges} arguments).");
    }

    [Fact]
    public void InjectedFaultsFailTheComputeWithTheFirstFaultNamedAndNothingStartsAfterwards()
    {
        int faultsInjected = 0;
        int faultsThrown = 0;
        int startsInFlight = 0;
        long tasksStarted = 0;
        for (int index = 0; index < DagCatalog.GraphCount; index++)
        {
            RandomDag dag = DagCatalog.Dag(index);
            IReadOnlyDictionary<int, int> plan = FaultPlan(index, dag);
            var recorder = new TaskRecorder(dag.Count);
            var faults = new FaultInjector(plan, recorder);
            Delayed<ulong>[] nodes = DagGraph.Build(dag, recorder, faults);

            var error = Assert.Throws<DelayedTaskException>(() => Compute(index, dag.Targets.Select(t => nodes[t])));

            int first = faults.FirstFault;
            Assert.True(first >= 0, $"Graph {dag.Seed}: the compute failed with no fault thrown: {error}");
            Assert.True(error.TaskKey == nodes[first].Key, $"Graph {dag.Seed}: the compute names {error.TaskKey}, the first fault was at node {first} ({nodes[first].Key}).");
            var fault = Assert.IsType<InjectedFault>(error.InnerException);
            Assert.Equal(first, fault.Node);
            Assert.False(fault.AfterStop);
            Assert.True(faults.FailureObservedAt != long.MaxValue, $"Graph {dag.Seed}: the failure never cancelled the compute's token.");
            GraphChecks.NothingLeftRunning(dag, recorder);
            GraphChecks.StartedOnceAfterTheirInputs(dag, recorder);
            int late = GraphChecks.StartsAfterStop(dag, recorder, faults.FailureObservedAt);
            int slots = DagCatalog.Options(index).MaxDegreeOfParallelism + GraphChecks.BlockingCount(dag);
            Assert.True(late <= slots, $"Graph {dag.Seed}: {late} tasks started after the failure was observed, more than the {slots} that could have been starting then.");

            faultsInjected += plan.Count;
            faultsThrown += faults.Thrown;
            startsInFlight += late;
            tasksStarted += recorder.Started;
        }

        output.WriteLine($"Random DAGs computed with faults injected: {DagCatalog.GraphCount}; faults injected: {faultsInjected}; faults thrown (the rest never started): {faultsThrown}; tasks started: {tasksStarted}; tasks already starting when the failure was observed: {startsInFlight}.");
        Assert.Equal(FaultsInjected, faultsInjected);
    }

    [Fact]
    public void RetriesAbsorbFaultsWithinTheirBudgetAndAFaultBeyondItFailsTheCompute()
    {
        int transientFaults = 0;
        int permanentFaults = 0;
        int failedAttempts = 0;
        for (int index = 0; index < DagCatalog.GraphCount; index++)
        {
            RandomDag dag = DagCatalog.Dag(index);
            var random = new Random(DagCatalog.Seed(index) * 7);

            // 1 to 3 nodes fail 1 to 3 times under a budget of 3 retries; in odd graphs one more node fails every attempt under a budget of 2.
            var plan = new Dictionary<int, int>();
            int transient = Math.Min(dag.Count, random.Next(1, 4));
            while (plan.Count < transient)
            {
                plan[random.Next(dag.Count)] = random.Next(1, RetryBudget + 1);
            }

            int permanent = -1;
            if (index % 2 == 1 && plan.Count < dag.Count)
            {
                do
                {
                    permanent = random.Next(dag.Count);
                }
                while (plan.ContainsKey(permanent));
                plan[permanent] = int.MaxValue;
            }

            int RetriesOf(int node) => node == permanent ? PermanentBudget : plan.ContainsKey(node) ? RetryBudget : 0;
            var recorder = new TaskRecorder(dag.Count);
            var faults = new FaultInjector(plan, recorder, RetriesOf);
            Delayed<ulong>[] nodes = DagGraph.Build(dag, recorder, faults, RetriesOf);
            ulong[] expected = dag.EvaluateSequentially();

            if (permanent < 0)
            {
                ulong[] actual = Compute(index, dag.Targets.Select(t => nodes[t]));
                Assert.True(dag.Targets.Select(t => expected[t]).SequenceEqual(actual), $"Graph {dag.Seed}: retried faults changed the result.");
                foreach (var (node, failures) in plan)
                {
                    Assert.True(recorder.Starts(node) == failures + 1, $"Graph {dag.Seed}: node {node} failed {failures} times and started {recorder.Starts(node)} times.");
                }
            }
            else
            {
                var error = Assert.Throws<DelayedTaskException>(() => Compute(index, dag.Targets.Select(t => nodes[t])));
                Assert.True(error.TaskKey == nodes[permanent].Key, $"Graph {dag.Seed}: the compute names {error.TaskKey}, not node {permanent} that failed beyond its budget.");
                Assert.Equal(PermanentBudget + 1, recorder.Starts(permanent));
                Assert.True(faults.FailureObservedAt != long.MaxValue);
                int late = GraphChecks.StartsAfterStop(dag, recorder, faults.FailureObservedAt);
                int slots = DagCatalog.Options(index).MaxDegreeOfParallelism + GraphChecks.BlockingCount(dag);
                Assert.True(late <= slots, $"Graph {dag.Seed}: {late} tasks started after the failure was observed.");
                permanentFaults++;
            }

            GraphChecks.NothingLeftRunning(dag, recorder);
            GraphChecks.StartedAfterTheirInputs(dag, recorder, node => RetriesOf(node) + 1);
            transientFaults += transient;
            failedAttempts += faults.Thrown;
        }

        output.WriteLine($"Random DAGs computed with retry-enabled faults: {DagCatalog.GraphCount}; nodes failing within their budget: {transientFaults}; nodes failing beyond it: {permanentFaults}; failed attempts: {failedAttempts}.");
        Assert.Equal(TransientFaultsInjected, transientFaults);
    }

    /// <summary>1 to 3 distinct nodes of <paramref name="dag"/> that fail every attempt.</summary>
    private static IReadOnlyDictionary<int, int> FaultPlan(int index, RandomDag dag)
    {
        var random = new Random(~DagCatalog.Seed(index));
        int count = Math.Min(dag.Count, random.Next(1, 4));
        var plan = new Dictionary<int, int>();
        while (plan.Count < count)
        {
            plan[random.Next(dag.Count)] = int.MaxValue;
        }

        return plan;
    }

    private static ulong[] Compute(int index, IEnumerable<Delayed<ulong>> targets)
        => DagCatalog.UsesAsync(index)
            ? Delayed.ComputeAsync(targets, DagCatalog.Options(index)).GetAwaiter().GetResult()
            : Delayed.Compute(targets, DagCatalog.Options(index));
}

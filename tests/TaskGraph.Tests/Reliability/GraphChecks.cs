using System;
using System.Collections.Generic;
using Xunit;

namespace TaskGraph.Tests.Reliability;

/// <summary>Checks over what a graph's tasks recorded, each failing with the graph's seed in the message.</summary>
internal static class GraphChecks
{
    /// <summary>No task ran twice, and every task that started did so after all its task inputs had ended.</summary>
    public static void StartedOnceAfterTheirInputs(RandomDag dag, TaskRecorder recorder) => StartedAfterTheirInputs(dag, recorder, _ => 1);

    /// <summary>No task started more than <paramref name="mostStarts"/> allows, and each started after all its task inputs had ended.</summary>
    public static void StartedAfterTheirInputs(RandomDag dag, TaskRecorder recorder, Func<int, int> mostStarts)
    {
        for (int node = 0; node < dag.Count; node++)
        {
            int starts = recorder.Starts(node);
            if (starts > mostStarts(node))
            {
                Assert.Fail($"Graph {dag.Seed}: node {node} started {starts} times, more than {mostStarts(node)}.");
            }

            if (starts == 0)
            {
                continue;
            }

            foreach (DagInput input in dag.Inputs[node])
            {
                if (input.IsNode && !(recorder.EndedAt(input.Node) > 0 && recorder.EndedAt(input.Node) < recorder.StartedAt(node)))
                {
                    Assert.Fail($"Graph {dag.Seed}: node {node} started before its input {input.Node} ended.");
                }
            }
        }
    }

    /// <summary>When the call returned, every task that started had ended.</summary>
    public static void NothingLeftRunning(RandomDag dag, TaskRecorder recorder)
    {
        if (recorder.Running != 0 || recorder.Started != recorder.Ended)
        {
            Assert.Fail($"Graph {dag.Seed}: {recorder.Running} tasks still running, {recorder.Started} started, {recorder.Ended} ended when the compute returned.");
        }
    }

    /// <summary>
    /// Tasks that started after the compute's stop was observed (at <paramref name="stoppedAt"/>). A worker
    /// may have checked for a stop just before it and started its task just after: that task's inputs
    /// had all ended before the stop. A task with an input that ended after the stop was made ready
    /// after it, so its start would break "nothing starts after a stop": that fails the test.
    /// </summary>
    /// <returns>How many tasks started in that window.</returns>
    public static int StartsAfterStop(RandomDag dag, TaskRecorder recorder, long stoppedAt)
    {
        var late = new List<int>();
        for (int node = 0; node < dag.Count; node++)
        {
            if (recorder.StartedAt(node) <= stoppedAt)
            {
                continue;
            }

            foreach (DagInput input in dag.Inputs[node])
            {
                if (input.IsNode && recorder.EndedAt(input.Node) > stoppedAt)
                {
                    Assert.Fail($"Graph {dag.Seed}: node {node} started after the stop (at {stoppedAt}), though its input {input.Node} ended only after it.");
                }
            }

            late.Add(node);
        }

        return late.Count;
    }

    public static int BlockingCount(RandomDag dag)
    {
        int count = 0;
        foreach (DagNodeKind kind in dag.Kinds)
        {
            count += kind == DagNodeKind.Blocking ? 1 : 0;
        }

        return count;
    }
}

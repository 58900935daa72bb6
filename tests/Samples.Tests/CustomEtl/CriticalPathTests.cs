using System;
using System.Collections.Generic;
using CustomEtl;
using TaskGraph;
using Xunit;

namespace Samples.Tests.CustomEtl;

public sealed class CriticalPathTests
{
    [Fact]
    public void The_longest_chain_of_durations_wins_and_a_shared_input_counts_on_every_path()
    {
        var work = new SimulatedWork(TimeSpan.Zero);
        Delayed<Dataset> a = EtlTasks.LoadDelayed("a", work);
        Delayed<Dataset> b = EtlTasks.LoadDelayed("b", work);
        Delayed<Dataset> reference = EtlTasks.LoadFromSqlDelayed("ref", work);
        Delayed<Dataset> processedA = EtlTasks.ProcessDelayed(a, reference, work);
        Delayed<Dataset> processedB = EtlTasks.ProcessDelayed(b, reference, work);
        Delayed<double> compared = EtlTasks.CompareDelayed(processedA, processedB, work);
        var seconds = new Dictionary<DelayedNode, double>(ReferenceEqualityComparer.Instance)
        {
            [a] = 1, [b] = 5, [reference] = 2, [processedA] = 10, [processedB] = 1, [compared] = 3,
        };

        TimeSpan path = CriticalPath.Of(compared, node => TimeSpan.FromSeconds(seconds.GetValueOrDefault(node)));

        // reference -> processedA -> compared: 2 + 10 + 3; the other chains are shorter (14 and 9).
        Assert.Equal(TimeSpan.FromSeconds(15), path);
    }

    [Fact]
    public void A_million_node_chain_is_walked_without_recursion()
    {
        var work = new SimulatedWork(TimeSpan.Zero);
        Delayed<Dataset> current = EtlTasks.LoadDelayed("start", work);
        for (int i = 0; i < 1_000_000; i++)
        {
            current = EtlTasks.ProcessDelayed(current, current, work);
        }

        Assert.Equal(TimeSpan.FromTicks(1_000_001), CriticalPath.Of(current, node => node.Method is null ? TimeSpan.Zero : TimeSpan.FromTicks(1)));
    }
}

using BenchmarkDotNet.Attributes;
using TaskGraph.Scheduling;

namespace TaskGraph.Benchmarks;

/// <summary>
/// What the planning claims written into nodes (<c>DelayedNode.PlanStamp</c>/<c>PlanSlot</c>) save: the
/// planner alone with the claims (the baseline) against the same planner while another compute holds
/// them, which then maps nodes to slots in a dictionary.
/// </summary>
public class SchedulingPlanClaimsBenchmarks
{
    private DelayedNode[] targets = null!;

    [Params(Shape.Wide, Shape.Tree, Shape.Chain)]
    public Shape Shape { get; set; }

    [Params(100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void BuildGraph() => targets = new DelayedNode[] { Graphs.Build(Shape, N) };

    [Benchmark(Baseline = true)]
    public int PlanWithClaims() => Plan();

    [Benchmark]
    public int PlanWithDictionary()
    {
        long held = PlanStamps.TryBegin();
        try
        {
            return Plan();
        }
        finally
        {
            PlanStamps.End(held);
        }
    }

    private int Plan()
    {
        ComputePlan plan = ComputePlan.Build(targets, separateBlocking: true, countMethods: false);
        int count = plan.Table.Count;
        plan.Return();
        return count;
    }
}

using System.Linq;
using System.Threading;
using TaskGraph.Scheduling;
using Xunit;

namespace TaskGraph.Tests;

/// <summary>
/// Planning claims nodes with its stamp and never clears them: stale claims are free; a compute planning
/// while another holds the claims maps nodes aside. Runs alone: the claims are process-wide.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class PlanClaimTests
{
    [Fact]
    public void ComputePlanningWhileAnotherHoldsTheClaimsLeavesThemAlone()
    {
        Delayed<int> shared = Arithmetic.IncrementDelayed(1);
        Delayed<int> total = Arithmetic.AddDelayed(shared, Arithmetic.AddDelayed(shared, shared));
        long other = HoldClaims();
        try
        {
            shared.PlanStamp = other;
            shared.PlanSlot = 12345;

            Assert.Equal(6, total.Compute());
            Assert.Equal(other, shared.PlanStamp);
            Assert.Equal(12345, shared.PlanSlot);
        }
        finally
        {
            PlanStamps.End(other);
        }
    }

    [Fact]
    public void ClaimOfAComputeThatFinishedPlanningIsTakenOver()
    {
        Delayed<int> shared = Arithmetic.IncrementDelayed(1);
        long finished = HoldClaims();
        PlanStamps.End(finished);
        shared.PlanStamp = finished;
        shared.PlanSlot = 12345;

        Assert.Equal(4, Arithmetic.AddDelayed(shared, shared).Compute());
        Assert.NotEqual(finished, shared.PlanStamp);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void GraphsSharingNodesComputeAgainAndAgain(ComputeScheduler scheduler)
    {
        var options = new ComputeOptions { Scheduler = scheduler };
        Delayed<int>[] shared = Enumerable.Range(0, 50).Select(i => Arithmetic.IncrementDelayed(i)).ToArray();
        Delayed<long> all = Arithmetic.SumDelayed(Delayed.All(shared));
        Delayed<long> evens = Arithmetic.SumDelayed(Delayed.All(shared.Where((_, i) => i % 2 == 0)));

        for (int repeat = 0; repeat < 3; repeat++)
        {
            Assert.Equal(Enumerable.Range(1, 50).Sum(), all.Compute(options));
            Assert.Equal(Enumerable.Range(0, 25).Sum(i => (2 * i) + 1), evens.Compute(options));
        }
    }

    /// <summary>Takes the claims as a planning compute would (other tests may be planning: wait for them).</summary>
    private static long HoldClaims()
    {
        long stamp;
        SpinWait spinner = default;
        while ((stamp = PlanStamps.TryBegin()) == 0)
        {
            spinner.SpinOnce();
        }

        return stamp;
    }
}

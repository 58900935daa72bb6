using System;
using System.Linq;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

public sealed class RunningMomentsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Merged_partial_aggregates_equal_one_pass(int seed)
    {
        var random = new Random(seed);
        double[] values = Enumerable.Range(0, 10_000).Select(_ => 1e6 + (random.NextDouble() * 100) - Math.Log(random.NextDouble()) * 40).ToArray();

        var onePass = values.Aggregate(RunningMoments.Empty, (moments, value) => moments.Add(value));
        var merged = RunningMoments.Empty;
        int start = 0;
        while (start < values.Length)
        {
            int length = Math.Min(values.Length - start, random.Next(0, 1_500));
            merged = merged.Merge(values.Skip(start).Take(length).Aggregate(RunningMoments.Empty, (moments, value) => moments.Add(value)));
            start += length;
        }

        double mean = values.Average();
        double std = Math.Sqrt(values.Sum(x => (x - mean) * (x - mean)) / (values.Length - 1));
        Assert.Equal(values.Length, merged.Count);
        FlightsReference.AssertClose(mean, merged.Mean);
        FlightsReference.AssertClose(std, merged.StandardDeviation);
        FlightsReference.AssertClose(onePass.Mean, merged.Mean);
        FlightsReference.AssertClose(onePass.StandardDeviation, merged.StandardDeviation);
    }

    [Fact]
    public void Merging_with_empty_changes_nothing_and_std_needs_two_values()
    {
        var some = RunningMoments.Empty.Add(3).Add(5);
        Assert.Equal(some, some.Merge(RunningMoments.Empty));
        Assert.Equal(some, RunningMoments.Empty.Merge(some));
        Assert.Equal(4, some.Mean);
        FlightsReference.AssertClose(Math.Sqrt(2), some.StandardDeviation); // ddof = 1, as pandas
        Assert.True(double.IsNaN(RunningMoments.Empty.Add(1).StandardDeviation));
    }

    [Fact]
    public void Delay_summary_skips_cancelled_flights_for_the_statistics_but_not_for_the_imputation_mean()
    {
        var column = new DelayColumn("f.csv", new[] { 10.0, double.NaN, 30.0, 1000.0, double.PositiveInfinity }, new[] { false, false, false, true, false }, 2);
        var summary = DelaySummary.Of(column);

        Assert.Equal(5, summary.Rows);
        Assert.Equal(2, summary.SkippedRows);
        Assert.Equal(1, summary.CancelledRows);
        Assert.Equal(2, summary.MissingDepDelay);
        Assert.Equal(20, summary.MeanDepDelay);
        FlightsReference.AssertClose(Math.Sqrt(200), summary.StdDepDelay);
        FlightsReference.AssertClose((10 + 30 + 1000) / 3.0, summary.ImputationMean);
    }
}

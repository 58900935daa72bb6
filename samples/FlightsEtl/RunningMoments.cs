using System;

namespace FlightsEtl;

/// <summary>
/// Count, mean and sum of squared deviations (M2) of a stream of numbers: Welford's update for one
/// value, Chan, Golub and LeVeque's exact merge for two partial results, so per-partition aggregates
/// combine into what one pass over all the data gives.
/// </summary>
public readonly record struct RunningMoments(long Count, double Mean, double M2)
{
    /// <summary>No values yet.</summary>
    public static RunningMoments Empty => default;

    /// <summary>The sample variance (ddof = 1, as pandas' <c>std</c>); NaN below two values.</summary>
    public double Variance => Count > 1 ? M2 / (Count - 1) : double.NaN;

    /// <summary>The sample standard deviation (ddof = 1); NaN below two values.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>These moments with <paramref name="value"/> added.</summary>
    public RunningMoments Add(double value)
    {
        long count = Count + 1;
        double delta = value - Mean;
        double mean = Mean + (delta / count);
        return new RunningMoments(count, mean, M2 + (delta * (value - mean)));
    }

    /// <summary>The moments of both sets of values together.</summary>
    public RunningMoments Merge(RunningMoments other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        long count = Count + other.Count;
        double delta = other.Mean - Mean;
        double mean = Mean + (delta * other.Count / count);
        double m2 = M2 + other.M2 + (delta * delta * ((double)Count * other.Count / count));
        return new RunningMoments(count, mean, m2);
    }
}

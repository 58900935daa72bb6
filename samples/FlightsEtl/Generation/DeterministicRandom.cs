using System;
using System.Numerics;

namespace FlightsEtl;

/// <summary>
/// xoshiro256** seeded through SplitMix64: the same seed and stream give the same numbers on every
/// platform and .NET version (System.Random's seeded sequence is not promised to stay the same).
/// </summary>
internal struct DeterministicRandom
{
    private ulong s0, s1, s2, s3;

    public DeterministicRandom(ulong seed, ulong stream)
    {
        ulong state = seed ^ (stream * 0x9E3779B97F4A7C15UL);
        s0 = SplitMix(ref state);
        s1 = SplitMix(ref state);
        s2 = SplitMix(ref state);
        s3 = SplitMix(ref state);
    }

    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => (int)((NextUInt64() >> 33) * (ulong)maxExclusive >> 31);

    /// <summary>Normal with the given mean and standard deviation (Box-Muller).</summary>
    public double NextNormal(double mean, double standardDeviation)
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return mean + (standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>Exponential with the given mean.</summary>
    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

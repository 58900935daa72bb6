using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Samples.Tests.FlightsEtl;

/// <summary>The numbers the job must produce, computed the plain way: split lines, LINQ, two passes.</summary>
internal static class FlightsReference
{
    private const int DepDelay = 15;
    private const int Cancelled = 21;

    public static IEnumerable<string[]> Rows(IEnumerable<string> files)
        => files.SelectMany(file => File.ReadLines(file).Skip(1)).Where(line => line.Length > 0).Select(line => line.Split(','));

    public static (long Rows, long NonCancelled, double Mean, double Std, double ImputationMean) Compute(IEnumerable<string> files)
    {
        var rows = Rows(files).ToList();
        var delays = rows
            .Where(fields => fields[Cancelled] == "0")
            .Select(fields => Number(fields[DepDelay]))
            .Where(double.IsFinite)
            .ToList();
        double mean = delays.Average();
        double std = Math.Sqrt(delays.Sum(x => (x - mean) * (x - mean)) / (delays.Count - 1));
        double imputationMean = rows.Select(fields => Number(fields[DepDelay])).Where(double.IsFinite).Average();
        return (rows.Count, delays.Count, mean, std, imputationMean);
    }

    public static double Number(string text)
        => text is "NA" or "" ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);

    public static void AssertClose(double expected, double actual, double relative = 1e-9)
    {
        double tolerance = relative * Math.Max(1.0, Math.Abs(expected));
        Xunit.Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected:R}, got {actual:R} (tolerance {tolerance:R})");
    }
}

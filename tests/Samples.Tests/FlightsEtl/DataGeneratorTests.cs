using System;
using System.IO;
using System.Linq;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

public sealed class DataGeneratorTests
{
    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        using var other = new TempDirectory();
        var a = DataGenerator.GenerateOrReuse(new GeneratorSettings(first.Path, 5_000, 3, 7));
        var b = DataGenerator.GenerateOrReuse(new GeneratorSettings(second.Path, 5_000, 3, 7));
        var c = DataGenerator.GenerateOrReuse(new GeneratorSettings(other.Path, 5_000, 3, 8));

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(Path.GetFileName(a.Files[i]), Path.GetFileName(b.Files[i]));
            Assert.Equal(File.ReadAllBytes(a.Files[i]), File.ReadAllBytes(b.Files[i]));
            Assert.NotEqual(File.ReadAllBytes(a.Files[i]), File.ReadAllBytes(c.Files[i]));
        }
    }

    [Fact]
    public void Files_hold_the_requested_rows_with_the_seed_schema()
    {
        using var directory = new TempDirectory();
        var data = DataGenerator.GenerateOrReuse(new GeneratorSettings(directory.Path, 10_007, 4, 1));

        Assert.Equal(new[] { "1990.csv", "1991.csv", "1992.csv", "1993.csv" }, data.Files.Select(Path.GetFileName));
        Assert.Equal(10_007, data.Rows);
        var rowsPerFile = data.Files.Select(file => File.ReadLines(file).Count() - 1).ToArray();
        Assert.Equal(new[] { 2502, 2502, 2502, 2501 }, rowsPerFile);
        foreach (string file in data.Files)
        {
            var lines = File.ReadAllLines(file);
            Assert.Equal(string.Join(',', FlightColumns.Names), lines[0]);
            Assert.All(lines.Skip(1), line => Assert.Equal(FlightColumns.Count, line.Split(',').Length));
        }
    }

    [Fact]
    public void Values_have_the_seed_data_kinds_of_missing_values_and_plausible_ranges()
    {
        using var directory = new TempDirectory();
        var data = DataGenerator.GenerateOrReuse(new GeneratorSettings(directory.Path, 40_000, 8, 3)); // 1990-1997
        var rows = FlightsReference.Rows(data.Files).ToList();

        var cancelled = rows.Where(fields => fields[21] == "1").ToList();
        Assert.InRange(cancelled.Count, 400, 1_200); // about 2%
        Assert.All(cancelled, fields =>
        {
            Assert.Equal("NA", fields[15]); // DepDelay
            Assert.Equal("NA", fields[4]); // DepTime
            Assert.Equal("NA", fields[14]); // ArrDelay
        });
        Assert.All(rows.Where(fields => int.Parse(fields[0]) < 1995), fields =>
        {
            Assert.Equal("", fields[10]); // TailNum: not recorded before 1995
            Assert.Equal("NA", fields[13]); // AirTime
        });
        Assert.Contains(rows, fields => int.Parse(fields[0]) >= 1995 && fields[10].StartsWith('N'));
        Assert.Contains(rows, fields => fields[21] == "0" && fields[15] == "NA"); // a few delays just not recorded
        Assert.All(rows, fields => Assert.Contains(fields[16], new[] { "EWR", "LGA", "JFK" }));

        var delays = rows.Select(fields => FlightsReference.Number(fields[15])).Where(double.IsFinite).ToList();
        double mean = delays.Average();
        double median = delays.Order().ElementAt(delays.Count / 2);
        Assert.True(mean > median + 3, $"delays should skew right: mean {mean}, median {median}");
        Assert.InRange(delays.Max(), 120, 2_000);
    }

    [Fact]
    public void Complete_output_is_reused_and_damaged_output_is_generated_again()
    {
        using var directory = new TempDirectory();
        var settings = new GeneratorSettings(directory.Path, 3_000, 2, 5);
        var first = DataGenerator.GenerateOrReuse(settings);
        byte[] original = File.ReadAllBytes(first.Files[1]);
        var writeTime = File.GetLastWriteTimeUtc(first.Files[0]);

        var second = DataGenerator.GenerateOrReuse(settings);
        Assert.False(first.Reused);
        Assert.True(second.Reused);
        Assert.Equal(writeTime, File.GetLastWriteTimeUtc(first.Files[0]));

        File.WriteAllBytes(first.Files[1], original.AsSpan(0, original.Length / 2).ToArray()); // a torn file
        var third = DataGenerator.GenerateOrReuse(settings);
        Assert.False(third.Reused);
        Assert.Equal(original, File.ReadAllBytes(first.Files[1]));

        var fourth = DataGenerator.GenerateOrReuse(settings with { Rows = 3_001 });
        Assert.False(fourth.Reused);
        Assert.Equal(3_001, fourth.Rows);
    }
}

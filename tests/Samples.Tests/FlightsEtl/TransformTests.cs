using System;
using System.Linq;
using FlightsEtl;
using Xunit;

namespace Samples.Tests.FlightsEtl;

public sealed class TransformTests
{
    [Fact]
    public void Imputation_replaces_missing_and_infinite_values_with_the_mean_and_truncates_like_astype_int()
    {
        var column = new DelayColumn("f.csv", new[] { 7.9, double.NaN, -3.7, double.NegativeInfinity, 12 }, new bool[5], 0);
        Assert.Equal(new long[] { 7, 4, -3, 4, 12 }, DelayImputer.Impute(column, 4.6));
    }

    [Fact]
    public void Imputation_refuses_values_that_do_not_fit_and_names_the_file()
    {
        var fits = new DelayColumn("fits.csv", new[] { 3e10, -9.2e18 }, new bool[2], 0);
        Assert.Equal(new[] { 30_000_000_000L, -9_200_000_000_000_000_000L }, DelayImputer.Impute(fits, 0)); // 64-bit, as numpy's int64

        var column = new DelayColumn("big.csv", new[] { 1.0, 9.3e18 }, new bool[2], 0);
        var error = Assert.Throws<OverflowException>(() => DelayImputer.Impute(column, 0));
        Assert.Contains("big.csv", error.Message);
        Assert.Contains("row 2", error.Message);
    }

    [Theory]
    [InlineData(10_500, new[] { 3500, 3500, 3500 })] // np.array_split(range(10500), ceil(10500 / 4000)): three equal pieces
    [InlineData(8_001, new[] { 2667, 2667, 2667 })]
    [InlineData(8_002, new[] { 2668, 2667, 2667 })] // the longer pieces first, as numpy
    [InlineData(4_000, new[] { 4000 })]
    [InlineData(0, new int[0])]
    public void Batches_are_cut_like_np_array_split_in_order_and_the_transform_doubles_each_value(int rows, int[] lengths)
    {
        long[] values = Enumerable.Range(0, rows).Select(value => (long)value).ToArray();
        var batches = BatchTransform.Split(values);

        Assert.Equal(lengths, batches.Select(batch => batch.Count));
        Assert.Equal(values, batches.SelectMany(batch => batch));
        Assert.All(batches, batch => Assert.Equal(batch.Select(value => value * 2), BatchTransform.Apply(batch, TimeSpan.Zero)));
    }

    [Fact]
    public void A_doubled_value_that_does_not_fit_64_bits_is_refused_naming_its_row()
    {
        var batch = new ArraySegment<long>(new[] { 1L, 2L, long.MaxValue / 2 + 1 }, 1, 2);
        var error = Assert.Throws<OverflowException>(() => BatchTransform.Apply(batch, TimeSpan.Zero));
        Assert.Contains("row 3 of the imputed column", error.Message);
    }

    [Fact]
    public void Concatenation_keeps_file_order()
    {
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, DelayImputer.Concatenate(new[] { new long[] { 1, 2 }, Array.Empty<long>(), new long[] { 3, 4, 5 } }));
    }
}

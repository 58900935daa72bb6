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
        Assert.Equal(new[] { 7, 4, -3, 4, 12 }, DelayImputer.Impute(column, 4.6));
    }

    [Fact]
    public void Imputation_refuses_values_that_do_not_fit_and_names_the_file()
    {
        var column = new DelayColumn("big.csv", new[] { 1.0, 3e10 }, new bool[2], 0);
        var error = Assert.Throws<OverflowException>(() => DelayImputer.Impute(column, 0));
        Assert.Contains("big.csv", error.Message);
        Assert.Contains("row 2", error.Message);
    }

    [Fact]
    public void Batches_are_4000_rows_in_order_and_the_transform_doubles_each_value()
    {
        int[] values = Enumerable.Range(0, 10_500).ToArray();
        var batches = BatchTransform.Split(values);

        Assert.Equal(new[] { 4000, 4000, 2500 }, batches.Select(batch => batch.Count));
        Assert.Equal(values, batches.SelectMany(batch => batch));
        Assert.Equal(batches[2].Select(value => value * 2), BatchTransform.Apply(batches[2], TimeSpan.Zero));
        Assert.Empty(BatchTransform.Split(Array.Empty<int>()));
    }

    [Fact]
    public void Concatenation_keeps_file_order()
    {
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, DelayImputer.Concatenate(new[] { new[] { 1, 2 }, Array.Empty<int>(), new[] { 3, 4, 5 } }));
    }
}

using System;
using Xunit;

namespace TaskGraph.Tests.Reliability;

/// <summary>The retry and timeout options: their defaults, their checks, and the timeout error's text.</summary>
public sealed class RetryAndTimeoutOptionTests
{
    [Fact]
    public void DefaultsAreNoRetryNoDelayNoTimeout()
    {
        var method = new DelayedMethod("M:N.T.M", "M", "N.T");

        Assert.Equal(0, method.Retries);
        Assert.Equal(0, method.RetryDelayMilliseconds);
        Assert.Equal(0, method.TimeoutMilliseconds);
        Assert.Equal(0, ComputeOptions.Default.Retries);
        Assert.Equal(TimeSpan.Zero, ComputeOptions.Default.RetryDelay);
        Assert.Null(ComputeOptions.Default.TaskTimeout);
    }

    [Theory]
    [InlineData(nameof(DelayedMethod.Retries))]
    [InlineData(nameof(DelayedMethod.RetryDelayMilliseconds))]
    [InlineData(nameof(DelayedMethod.TimeoutMilliseconds))]
    public void DescriptorRejectsANegativeValueNamingTheProperty(string property)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => property switch
        {
            nameof(DelayedMethod.Retries) => new DelayedMethod("M:N.T.M", "M", "N.T") { Retries = -1 },
            nameof(DelayedMethod.RetryDelayMilliseconds) => new DelayedMethod("M:N.T.M", "M", "N.T") { RetryDelayMilliseconds = -1 },
            _ => new DelayedMethod("M:N.T.M", "M", "N.T") { TimeoutMilliseconds = -1 },
        });

        Assert.Equal(property, error.ParamName);
    }

    [Fact]
    public void ComputeOptionsRejectValuesOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComputeOptions { Retries = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComputeOptions { RetryDelay = TimeSpan.FromTicks(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComputeOptions { RetryDelay = TimeSpan.FromDays(30) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComputeOptions { TaskTimeout = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ComputeOptions { TaskTimeout = TimeSpan.FromDays(30) });

        var options = new ComputeOptions { Retries = 2, RetryDelay = TimeSpan.FromMilliseconds(5), TaskTimeout = TimeSpan.FromSeconds(1) };
        Assert.Equal((2, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1)), (options.Retries, options.RetryDelay, options.TaskTimeout!.Value));
        Assert.Null((options with { TaskTimeout = null }).TaskTimeout);
    }

    [Theory]
    [InlineData(250, "250 ms")]
    [InlineData(1_500, "1.5 s")]
    [InlineData(60_000, "60 s")]
    public void TimeoutErrorNamesTheTaskAndTheLimit(int milliseconds, string limit)
    {
        var inner = new OperationCanceledException();
        var error = new TaskTimeoutException("Fetch-1f2e", TimeSpan.FromMilliseconds(milliseconds), inner);

        Assert.Equal($"Task 'Fetch-1f2e' ran longer than its timeout of {limit} and was cancelled.", error.Message);
        Assert.Equal("Fetch-1f2e", error.TaskKey);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), error.Timeout);
        Assert.Same(inner, error.InnerException);
        Assert.IsAssignableFrom<TimeoutException>(error);
    }
}

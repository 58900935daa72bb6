using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// Issue 6, point 6 (tasks): whatever a task throws, the compute ends with a <see cref="DelayedTaskException"/>
/// that names the task and carries the very exception thrown.
/// </summary>
public sealed class ExceptionReportingTests
{
    private static readonly DelayedMethod Throwing = new("M:TaskGraph.Tests.Reliability.Throwing(System.Int32)", "Throwing", "TaskGraph.Tests.Reliability")
    {
        ParameterNames = new[] { "input" },
    };

    private static readonly DelayedMethod ThrowingAsync = new("M:TaskGraph.Tests.Reliability.ThrowingAsync(System.Int32)", "ThrowingAsync", "TaskGraph.Tests.Reliability")
    {
        ParameterNames = new[] { "input" },
        ResultKind = DelayedResultKind.TaskOfResult,
    };

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void NonSerializableExceptionIsCarriedAsIs(ComputeScheduler scheduler)
    {
        using var stream = new MemoryStream();
        var thrown = new HoldsAStream(stream);

        var error = ComputeFailing(() => throw thrown, scheduler);

        Assert.Same(thrown, error.InnerException);
        Assert.Contains(nameof(HoldsAStream), error.Message, StringComparison.Ordinal);
        Assert.Contains("holds an open stream", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void DeeplyNestedExceptionIsCarriedWhole(ComputeScheduler scheduler)
    {
        Exception thrown = new FormatException("innermost");
        for (int depth = 1; depth < 10_000; depth++)
        {
            thrown = new InvalidDataException($"level {depth}", thrown);
        }

        var error = ComputeFailing(() => throw thrown, scheduler);

        Assert.Same(thrown, error.InnerException);
        Assert.Equal("innermost", error.GetBaseException().Message);
        Assert.Contains("level 9999", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void AggregateExceptionIsCarriedWithAllItsInnerExceptions(ComputeScheduler scheduler)
    {
        var error = ComputeFailing(
            () => throw new AggregateException(Enumerable.Range(0, 4).Select(i => new AggregateException(new ArithmeticException($"part {i}")))),
            scheduler);

        var aggregate = Assert.IsType<AggregateException>(error.InnerException);
        Assert.Equal(4, aggregate.InnerExceptions.Count);
        Assert.Equal(new[] { "part 0", "part 1", "part 2", "part 3" }, aggregate.Flatten().InnerExceptions.Select(e => e.Message));
        Assert.Contains(nameof(AggregateException), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwaitedTaskWithSeveralFailuresReportsOneOfThem()
    {
        Delayed<int> failing = DelayedCall.CreateAsync(ThrowingAsync, static (_, _) => new ValueTask<int>(TwoFailures()), Delayed.Value(1));

        var error = await Assert.ThrowsAsync<DelayedTaskException>(() => failing.ComputeAsync());

        Assert.Equal(failing.Key, error.TaskKey);
        Assert.Contains(error.InnerException?.Message, new[] { "first", "second" });

        static async Task<int> TwoFailures()
        {
            await Task.WhenAll(Task.Run(() => throw new IOException("first")), Task.Run(() => throw new IOException("second")));
            return 0;
        }
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void TasksOwnCancellationIsAFailureNotACancelledCompute(ComputeScheduler scheduler)
    {
        using var own = new CancellationTokenSource();
        own.Cancel();

        var error = ComputeFailing(() => throw new OperationCanceledException(own.Token), scheduler);

        var inner = Assert.IsType<OperationCanceledException>(error.InnerException);
        Assert.Equal(own.Token, inner.CancellationToken);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void HugeMessageIsCarried(ComputeScheduler scheduler)
    {
        string message = new('x', 1_000_000);

        var error = ComputeFailing(() => throw new InvalidOperationException(message), scheduler);

        Assert.Equal(message, error.InnerException?.Message);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void ExceptionWhoseMessageThrowsStillFailsTheComputeClearly(ComputeScheduler scheduler)
    {
        // Found by this suite: the failure was described with the exception's Message, and a getter that
        // threw escaped the scheduler (on a pool thread under the parallel scheduler: a process crash).
        var error = ComputeFailing(() => throw new MessageThrows(), scheduler);

        Assert.IsType<MessageThrows>(error.InnerException);
        Assert.Contains("(its Message threw InvalidOperationException)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObserverThrowingAnExceptionWhoseMessageThrowsFailsTheComputeClearly()
    {
        var observer = new MessageThrowingObserver();

        var error = Assert.Throws<InvalidOperationException>(() => Arithmetic.IncrementDelayed(1).Compute(new ComputeOptions { Observers = new[] { observer } }));

        Assert.IsType<MessageThrows>(error.InnerException);
        Assert.Contains(nameof(IComputeObserver.OnTaskStarted), error.Message, StringComparison.Ordinal);
    }

    private static DelayedTaskException ComputeFailing(Func<int> body, ComputeScheduler scheduler)
    {
        Delayed<int> failing = DelayedCall.Create(Throwing, (_, _) => body(), Delayed.Value(1));
        Delayed<int> consumer = DelayedCall.Create(Throwing, static (args, _) => args.Get<int>(0), failing);
        var error = Assert.Throws<DelayedTaskException>(() => consumer.Compute(new ComputeOptions { Scheduler = scheduler }));
        Assert.Equal(failing.Key, error.TaskKey);
        Assert.Same(Throwing, error.Method);
        return error;
    }

    /// <summary>An exception holding something that cannot be serialized, and not marked serializable itself.</summary>
    private sealed class HoldsAStream : Exception
    {
        public HoldsAStream(Stream stream)
            : base("holds an open stream") => Stream = stream;

        public Stream Stream { get; }
    }

    private sealed class MessageThrowingObserver : IComputeObserver
    {
        public void OnTaskStarted(ComputeInfo compute, DelayedNode task) => throw new MessageThrows();
    }

    /// <summary>An exception whose <see cref="Exception.Message"/> getter itself throws.</summary>
    private sealed class MessageThrows : Exception
    {
        public override string Message => throw new InvalidOperationException("the message getter broke");
    }
}

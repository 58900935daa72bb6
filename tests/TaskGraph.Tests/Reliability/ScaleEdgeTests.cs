using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Tests.Reliability;

/// <summary>
/// Issue 6, point 5, beyond <see cref="ScaleTests"/>: million-node chains that fail or are cancelled at
/// their far end, or await, on a small stack; a 100,000-argument call and a 100,000-way fan-out; the
/// empty graph and a single constant or task.
/// </summary>
public sealed class ScaleEdgeTests
{
    private const int ChainLength = 1_000_000;
    private const int Wide = 100_000;

    private static readonly DelayedMethod Step = Describe("Step", 1);
    private static readonly DelayedMethod AsyncStep = Describe("AsyncStep", 1, DelayedResultKind.ValueTaskOfResult);

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void MillionNodeChainFailingAtItsEndReportsTheLastTask(ComputeScheduler scheduler)
    {
        var error = SmallStack.Run(() =>
        {
            Delayed<int> value = 0;
            for (int i = 0; i < ChainLength; i++)
            {
                value = DelayedCall.Create(Step, static (args, _) => args.Get<int>(0) == ChainLength - 1 ? throw new InvalidOperationException("end") : args.Get<int>(0) + 1, value);
            }

            return (Key: value.Key, Error: Assert.Throws<DelayedTaskException>(() => value.Compute(new ComputeOptions { Scheduler = scheduler })));
        });

        Assert.Equal(error.Key, error.Error.TaskKey);
        Assert.Equal("end", error.Error.InnerException?.Message);
    }

    [Fact]
    public void MillionNodeChainCancelledHalfWayStopsThere()
    {
        using var cancel = new CancellationTokenSource();
        int ran = 0;
        var outcome = SmallStack.Run(() =>
        {
            Delayed<int> value = 0;
            for (int i = 0; i < ChainLength; i++)
            {
                value = DelayedCall.Create(Step, (args, _) =>
                {
                    Interlocked.Increment(ref ran);
                    int input = args.Get<int>(0);
                    if (input == ChainLength / 2)
                    {
                        cancel.Cancel();
                    }

                    return input + 1;
                }, value);
            }

            return Assert.ThrowsAny<OperationCanceledException>(() => value.Compute(cancellationToken: cancel.Token));
        });

        Assert.Equal(cancel.Token, outcome.CancellationToken);
        Assert.Equal((ChainLength / 2) + 1, ran);
    }

    [Fact]
    public void MillionNodeChainOfAsyncTasksComputes()
    {
        // Every 1,000th task really awaits; the rest complete at once.
        int result = SmallStack.Run(() =>
        {
            Delayed<int> value = 0;
            for (int i = 0; i < ChainLength; i++)
            {
                value = DelayedCall.CreateAsync(AsyncStep, static (args, _) => Next(args.Get<int>(0)), value);
            }

            return value.ComputeAsync().GetAwaiter().GetResult();
        });

        Assert.Equal(ChainLength, result);

        static ValueTask<int> Next(int input) => input % 1_000 == 0 ? Yielded(input) : new ValueTask<int>(input + 1);

        static async ValueTask<int> Yielded(int input)
        {
            await Task.Yield();
            return input + 1;
        }
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public void OneCallWithAHundredThousandArgumentsComputes(ComputeScheduler scheduler)
    {
        DelayedMethod sum = Describe("SumAll", Wide);
        var arguments = new DelayedNode?[Wide];
        for (int i = 0; i < Wide; i++)
        {
            arguments[i] = i % 3 == 0 ? Delayed.Value(i) : DelayedCall.Create(Step, static (args, _) => args.Get<int>(0), Delayed.Value(i));
        }

        Delayed<long> total = DelayedCall.Create(sum, static (args, _) =>
        {
            long value = 0;
            for (int i = 0; i < Wide; i++)
            {
                value += args.Get<int>(i);
            }

            return value;
        }, arguments);

        Assert.Equal((long)Wide * (Wide - 1) / 2, SmallStack.Run(() => total.Compute(new ComputeOptions { Scheduler = scheduler })));
    }

    [Fact]
    public void OneTaskFeedingAHundredThousandConsumersRunsOnce()
    {
        int sourceRuns = 0;
        Delayed<int> source = DelayedCall.Create(Step, (args, _) => Interlocked.Increment(ref sourceRuns) + args.Get<int>(0), Delayed.Value(6));
        Delayed<int>[] consumers = Enumerable.Range(0, Wide).Select(_ => DelayedCall.Create(Step, static (args, _) => args.Get<int>(0) * 2, source)).ToArray();

        int[] values = SmallStack.Run(() => Delayed.Compute(consumers));

        Assert.Equal(1, sourceRuns);
        Assert.All(values, v => Assert.Equal(14, v));
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public async Task EmptyGraphComputesToNothing(ComputeScheduler scheduler)
    {
        var observer = new RecordingObserver();
        var options = new ComputeOptions { Scheduler = scheduler, Observers = new[] { observer } };

        Assert.Empty(Delayed.Compute(Array.Empty<Delayed<int>>(), options));
        Assert.Empty(await Delayed.ComputeAsync(Enumerable.Empty<Delayed<string>>(), options));
        Assert.Equal(new[] { "compute started 0", "compute finished Succeeded", "compute started 0", "compute finished Succeeded" }, observer.Events);
    }

    [Theory]
    [ClassData(typeof(Schedulers))]
    public async Task SingleConstantAndSingleTaskCompute(ComputeScheduler scheduler)
    {
        var options = new ComputeOptions { Scheduler = scheduler };
        Delayed<string> constant = "only";
        Delayed<int> task = DelayedCall.Create(Step, static (args, _) => args.Get<int>(0) + 1, Delayed.Value(41));

        Assert.Equal("only", constant.Compute(options));
        Assert.Equal("only", await constant.ComputeAsync(options));
        Assert.Null(Delayed.Value<string?>(null).Compute(options));
        Assert.Equal(42, task.Compute(options));
        Assert.Equal(42, await task.ComputeAsync(options));
    }

    private static DelayedMethod Describe(string name, int parameters, DelayedResultKind resultKind = DelayedResultKind.Value)
        => new($"M:TaskGraph.Tests.Reliability.{name}", name, "TaskGraph.Tests.Reliability")
        {
            ParameterNames = Enumerable.Range(0, parameters).Select(i => "p" + i).ToArray(),
            ResultKind = resultKind,
        };
}

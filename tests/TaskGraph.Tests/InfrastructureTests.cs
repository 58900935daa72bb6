using System;
using System.Linq;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;
using Xunit;

namespace TaskGraph.Tests;

public sealed class InfrastructureTests
{
    [Fact]
    public void WrongArgumentCountNamesTheMethod()
    {
        DelayedMethod method = TestMethods.Describe("Pair", 2);

        var error = Assert.Throws<ArgumentException>(() => DelayedCall.Create(method, static (args, _) => args.Get<int>(0), Delayed.Value(1)));

        Assert.Contains("TaskGraph.Tests.Pair takes 2 arguments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadingAnArgumentAsTheWrongTypeFailsTheTaskClearly()
    {
        DelayedMethod method = TestMethods.Describe("Misread", 1);
        Delayed<int> misread = DelayedCall.Create(method, static (args, _) => args.Get<string>(0).Length, Arithmetic.IncrementDelayed(1));

        var error = Assert.Throws<DelayedTaskException>(() => misread.Compute());

        Assert.Equal(misread.Key, error.TaskKey);
        Assert.Contains("String", Assert.IsType<InvalidCastException>(error.InnerException).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultArgumentsBelongToNoTask()
    {
        Assert.Throws<InvalidOperationException>(() => default(DelayedArguments).Get<int>(0));
    }

    [Fact]
    public async Task ToUnitAwaitsTasksAndValueTasks()
    {
        var pending = new TaskCompletionSource();
        ValueTask<Unit> fromTask = DelayedCall.ToUnit(pending.Task);
        ValueTask<Unit> fromValueTask = DelayedCall.ToUnit(new ValueTask(pending.Task));
        Assert.False(fromTask.IsCompleted);

        pending.SetResult();

        Assert.Equal(Unit.Value, await fromTask);
        Assert.Equal(Unit.Value, await fromValueTask);
        Assert.True(DelayedCall.ToUnit(Task.CompletedTask).IsCompletedSuccessfully);
        await Assert.ThrowsAsync<FormatException>(async () => await DelayedCall.ToUnit(Task.FromException(new FormatException())));
    }

    [Fact]
    public void VoidMethodsComputeToUnit()
    {
        int calls = 0;
        DelayedMethod method = TestMethods.Describe("Touch", 0, resultKind: DelayedResultKind.Void);
        Delayed<Unit> touched = DelayedCall.Create(method, (_, _) =>
        {
            calls++;
            return Unit.Value;
        });

        Assert.Equal(Unit.Value, touched.Compute());
        Assert.Equal(1, calls);
    }

    [Fact]
    public void DependenciesListTheArgumentNodesWithoutNulls()
    {
        Delayed<int> input = Arithmetic.IncrementDelayed(1);
        Delayed<int> sum = Arithmetic.AddDelayed(input, null!);

        Assert.Equal(new DelayedNode[] { input }, sum.Dependencies);
        Assert.Equal("Add", sum.Method?.Name);
        Assert.Empty(Delayed.Value(1).Dependencies);
    }

    /// <summary>
    /// Reading dependencies (count, index, foreach) allocates nothing, with or without a null handle and
    /// for arguments in the node or in its array; a copy per get would show as bytes per read.
    /// </summary>
    [Fact]
    public void ReadingDependenciesAllocatesNothing()
    {
        Delayed<int> input = Arithmetic.IncrementDelayed(1);
        DelayedNode[] nodes =
        [
            Arithmetic.AddDelayed(input, input),
            Arithmetic.AddDelayed(input, null!),
            Delayed.All(new[] { input, input, Arithmetic.IncrementDelayed(2) }),
        ];
        long seen = ReadAll(nodes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            seen += ReadAll(nodes);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(6 * 1_001, seen);

        static long ReadAll(DelayedNode[] nodes)
        {
            long count = 0;
            foreach (DelayedNode node in nodes)
            {
                int index = 0;
                foreach (DelayedNode dependency in node.Dependencies)
                {
                    // The index reads what the enumerator reads.
                    count += ReferenceEquals(dependency, node.Dependencies[index++]) ? 1 : 0;
                }

                count -= index == node.Dependencies.Count ? 0 : 1_000_000;
            }

            return count;
        }
    }

    /// <summary>
    /// Up to two arguments live in the node, more in the array it was given: every arity, through the
    /// one- and two-argument overloads and the array one, reads constants, tasks and null handles in order.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void EveryArityReadsItsArgumentsInOrder(int arity)
    {
        DelayedMethod method = TestMethods.Describe("Arity" + arity, arity);
        var arguments = new DelayedNode?[arity];
        for (int i = 0; i < arity; i++)
        {
            // A task, a constant and a null handle in turn.
            arguments[i] = (i % 3) switch
            {
                0 => Arithmetic.IncrementDelayed(10 * i),
                1 => Delayed.Value(10 * i),
                _ => null,
            };
        }

        // The invoker reads as many arguments as the method declares.
        DelayedInvoker<string> invoker = (args, _) => string.Join(",", Enumerable.Range(0, arity).Select(i => args.Get<int>(i)));
        Delayed<string> call = arity switch
        {
            1 => DelayedCall.Create(method, invoker, arguments[0]),
            2 => DelayedCall.Create(method, invoker, arguments[0], arguments[1]),
            _ => DelayedCall.Create(method, invoker, arguments),
        };
        string expected = string.Join(",", Enumerable.Range(0, arity).Select(i => (i % 3) switch { 0 => 10 * i + 1, 1 => 10 * i, _ => 0 }));

        Assert.Equal(expected, call.Compute());
        Assert.Equal(expected, call.Compute(new ComputeOptions { Scheduler = ComputeScheduler.Synchronous }));
        Assert.Equal(arguments.Where(a => a is not null), call.Dependencies);
    }

    [Fact]
    public void WrongArgumentCountThroughTheTwoArgumentOverloadNamesTheMethod()
    {
        DelayedMethod method = TestMethods.Describe("Triple", 3);

        var error = Assert.Throws<ArgumentException>(() => DelayedCall.Create(method, static (args, _) => 0, Delayed.Value(1), Delayed.Value(2)));

        Assert.Contains("TaskGraph.Tests.Triple takes 3 arguments (p0, p1, p2) but 2 were given", error.Message, StringComparison.Ordinal);
    }
}

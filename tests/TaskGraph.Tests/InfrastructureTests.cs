using System;
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
}

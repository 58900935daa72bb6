using System;
using System.Threading.Tasks;
using TaskGraph.Infrastructure;

namespace TaskGraph.Tests;

/// <summary>
/// One-off tasks around a test's own lambda, built the way generated instance wrappers are (the
/// invoker captures state): for tests that need a task with a particular body or attribute.
/// </summary>
internal static class Step
{
    internal static Delayed<TOut> Of<TIn, TOut>(string name, Func<TIn, TOut> body, Delayed<TIn> input, bool blocking = false)
        => DelayedCall.Create(TestMethods.Describe(name, 1, blocking: blocking), (args, _) => body(args.Get<TIn>(0)), input);

    internal static Delayed<TOut> OfAsync<TIn, TOut>(string name, Func<TIn, Task<TOut>> body, Delayed<TIn> input)
        => DelayedCall.CreateAsync(
            TestMethods.Describe(name, 1, resultKind: DelayedResultKind.TaskOfResult),
            (args, _) => new ValueTask<TOut>(body(args.Get<TIn>(0))),
            input);
}

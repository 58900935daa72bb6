using System;
using System.Collections.Generic;
using CustomEtl;
using TaskGraph;

namespace SeedGraph;

/// <summary>
/// The lazy wrappers of the seed's six functions, for one way of writing them, so that one builder makes
/// the same graph (same durations, same pairs) from async or blocking tasks.
/// </summary>
/// <param name="Name">How the report names this way of writing the tasks.</param>
internal sealed record EtlWrappers(
    string Name,
    Func<Delayed<string>, Delayed<SimulatedWork>, Delayed<Dataset>> Load,
    Func<Delayed<string>, Delayed<SimulatedWork>, Delayed<Dataset>> LoadFromSql,
    Func<Delayed<Dataset>, Delayed<Dataset>, Delayed<SimulatedWork>, Delayed<Dataset>> Process,
    Func<Delayed<Dataset>, Delayed<Dataset>, Delayed<Dataset>, Delayed<SimulatedWork>, Delayed<Dataset>> Roll,
    Func<Delayed<Dataset>, Delayed<Dataset>, Delayed<SimulatedWork>, Delayed<double>> Compare,
    Func<IEnumerable<Delayed<double>>, Delayed<SimulatedWork>, Delayed<double>> Reduction)
{
    /// <summary>The sample's own async tasks (<see cref="EtlTasks"/>): each awaits <c>Task.Delay</c>, holding no thread.</summary>
    public static EtlWrappers Async { get; } = new(
        "async",
        EtlTasks.LoadDelayed,
        EtlTasks.LoadFromSqlDelayed,
        EtlTasks.ProcessDelayed,
        EtlTasks.RollDelayed,
        EtlTasks.CompareDelayed,
        EtlTasks.ReductionDelayed);

    /// <summary><see cref="BlockingTasks"/>: they sleep on threads of their own, outside the compute's CPU-sized pool.</summary>
    public static EtlWrappers Blocking { get; } = new(
        "blocking, Blocking = true",
        BlockingTasks.LoadDelayed,
        BlockingTasks.LoadFromSqlDelayed,
        BlockingTasks.ProcessDelayed,
        BlockingTasks.RollDelayed,
        BlockingTasks.CompareDelayed,
        BlockingTasks.ReductionDelayed);

    /// <summary><see cref="UnmarkedBlockingTasks"/>: they sleep on the compute's CPU-sized pool, at most MaxDegreeOfParallelism at a time.</summary>
    public static EtlWrappers UnmarkedBlocking { get; } = new(
        "blocking, unmarked",
        UnmarkedBlockingTasks.LoadDelayed,
        UnmarkedBlockingTasks.LoadFromSqlDelayed,
        UnmarkedBlockingTasks.ProcessDelayed,
        UnmarkedBlockingTasks.RollDelayed,
        UnmarkedBlockingTasks.CompareDelayed,
        UnmarkedBlockingTasks.ReductionDelayed);
}

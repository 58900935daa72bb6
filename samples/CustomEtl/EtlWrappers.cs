using System;
using System.Collections.Generic;
using TaskGraph;

namespace CustomEtl;

/// <summary>
/// The lazy wrappers of the seed's six functions, for one way of writing them, so that
/// <see cref="EtlGraph"/> makes the same graph (same durations, same pairs) from async tasks or from
/// other ways of writing them (the seed-graph benchmark's blocking tasks).
/// </summary>
/// <param name="Name">How a report names this way of writing the tasks.</param>
/// <param name="Load">Wraps <c>load(address)</c>.</param>
/// <param name="LoadFromSql">Wraps <c>load_from_sql(address)</c>.</param>
/// <param name="Process">Wraps <c>process(data, reference)</c>.</param>
/// <param name="Roll">Wraps <c>roll(a, b, c)</c>.</param>
/// <param name="Compare">Wraps <c>compare(a, b)</c>.</param>
/// <param name="Reduction">Wraps <c>reduction(seq)</c>.</param>
public sealed record EtlWrappers(
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
}

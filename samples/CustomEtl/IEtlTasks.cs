using System.Collections.Generic;
using TaskGraph;

namespace CustomEtl;

/// <summary>
/// The generated wrappers of the seed's six functions, as a type declares them: <see cref="EtlTasks"/> (the
/// sample's async tasks) implements it with the wrappers the generator writes, and so do the seed-graph
/// benchmark's blocking tasks, so that <see cref="EtlGraph.Build{TTasks}"/> is the one builder of the graph.
/// </summary>
public interface IEtlTasks
{
    /// <summary>Wraps <c>load(address)</c>.</summary>
    static abstract Delayed<Dataset> LoadDelayed(Delayed<string> address, Delayed<SimulatedWork> work);

    /// <summary>Wraps <c>load_from_sql(address)</c>.</summary>
    static abstract Delayed<Dataset> LoadFromSqlDelayed(Delayed<string> address, Delayed<SimulatedWork> work);

    /// <summary>Wraps <c>process(data, reference)</c>.</summary>
    static abstract Delayed<Dataset> ProcessDelayed(Delayed<Dataset> data, Delayed<Dataset> reference, Delayed<SimulatedWork> work);

    /// <summary>Wraps <c>roll(a, b, c)</c>.</summary>
    static abstract Delayed<Dataset> RollDelayed(Delayed<Dataset> a, Delayed<Dataset> b, Delayed<Dataset> c, Delayed<SimulatedWork> work);

    /// <summary>Wraps <c>compare(a, b)</c>.</summary>
    static abstract Delayed<double> CompareDelayed(Delayed<Dataset> a, Delayed<Dataset> b, Delayed<SimulatedWork> work);

    /// <summary>Wraps <c>reduction(seq)</c>.</summary>
    static abstract Delayed<double> ReductionDelayed(IEnumerable<Delayed<double>> scores, Delayed<SimulatedWork> work);
}

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TaskGraph;

namespace CustomEtl;

/// <summary>
/// The seed's six functions as <c>[Delayed]</c> methods: each waits its simulated latency, then derives its
/// result. The generator writes <c>LoadDelayed</c> ... <c>ReductionDelayed</c>, which implement <see cref="IEtlTasks"/>.
/// </summary>
public sealed partial class EtlTasks : IEtlTasks
{
    private EtlTasks()
    {
    }

    /// <summary>Loads one dataset (seed: <c>load(address)</c>).</summary>
    [Delayed]
    public static async Task<Dataset> LoadAsync(string address, SimulatedWork work, CancellationToken cancellationToken)
    {
        await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Dataset(address, Checksums.Of(address));
    }

    /// <summary>Loads the reference dataset (seed: <c>load_from_sql(address)</c>).</summary>
    [Delayed]
    public static async Task<Dataset> LoadFromSqlAsync(string address, SimulatedWork work, CancellationToken cancellationToken)
    {
        await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Dataset(address, Checksums.Of(address));
    }

    /// <summary>Cleans a dataset with the reference (seed: <c>process(data, reference)</c>).</summary>
    [Delayed]
    public static async Task<Dataset> ProcessAsync(Dataset data, Dataset reference, SimulatedWork work, CancellationToken cancellationToken)
    {
        await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Dataset($"process({data.Name})", Checksums.Combine(data.Checksum, reference.Checksum));
    }

    /// <summary>Rolls three neighbouring datasets into one (seed: <c>roll(a, b, c)</c>).</summary>
    [Delayed]
    public static async Task<Dataset> RollAsync(Dataset a, Dataset b, Dataset c, SimulatedWork work, CancellationToken cancellationToken)
    {
        await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Dataset($"roll({a.Name})", Checksums.Combine(Checksums.Combine(a.Checksum, b.Checksum), c.Checksum));
    }

    /// <summary>Scores a pair of rolled datasets (seed: <c>compare(a, b)</c>).</summary>
    [Delayed]
    public static async Task<double> CompareAsync(Dataset a, Dataset b, SimulatedWork work, CancellationToken cancellationToken)
    {
        await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Checksums.ToUnitInterval(Checksums.Combine(a.Checksum, b.Checksum));
    }

    /// <summary>Picks the best score (seed: <c>reduction(seq)</c>).</summary>
    [Delayed]
    public static async Task<double> ReductionAsync(IReadOnlyList<double> scores, SimulatedWork work, CancellationToken cancellationToken)
    {
        await work.WaitAsync(cancellationToken).ConfigureAwait(false);
        double best = double.NegativeInfinity;
        foreach (double score in scores)
        {
            best = score > best ? score : best;
        }

        return best;
    }
}

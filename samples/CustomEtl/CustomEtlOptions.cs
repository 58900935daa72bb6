using System.Collections.Generic;

namespace CustomEtl;

/// <summary>What the sample runs and shows (from its command line, <see cref="CustomEtlCommandLine"/>).</summary>
/// <param name="Examples">Which of the seed's examples to run.</param>
/// <param name="Seed">Seeds pair choices and simulated durations.</param>
/// <param name="TimeScale">Multiplies the seed's latencies (1 = the seed's; the default keeps a run short).</param>
public sealed record CustomEtlOptions(IReadOnlyList<EtlExample> Examples, int Seed, double TimeScale)
{
    /// <summary>Where <c>--graph</c> writes the picture of the graphs; <see langword="null"/> for none.</summary>
    public string? Graph { get; init; }

    /// <summary>Where <c>--trace</c> writes the Chrome trace of the parallel runs; <see langword="null"/> for none.</summary>
    public string? Trace { get; init; }

    /// <summary>The port of the live dashboard (<c>--dashboard</c>); <see langword="null"/> for none.</summary>
    public int? DashboardPort { get; init; }

    /// <summary>Whether progress bars are shown (on by default; <c>--no-progress</c> turns them off).</summary>
    public bool ShowProgress { get; init; } = true;

    /// <summary>Worker processes of the local cluster that runs the parallel computes (<c>--cluster N</c>); 0 (the default) runs them in this process.</summary>
    public int ClusterWorkers { get; init; }

    /// <summary>The defaults: both examples, seed 42, latencies at a fifth of the seed's.</summary>
    public static CustomEtlOptions Default { get; } = new(new[] { EtlExample.Small, EtlExample.Large }, 42, 0.2);
}

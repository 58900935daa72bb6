using System;
using System.Threading;
using System.Threading.Tasks;

namespace CustomEtl;

/// <summary>
/// How long a task pretends to work. Durations are drawn when the graph is built, from a seeded
/// random generator, so the parallel and the sequential runs of one graph wait exactly as long.
/// </summary>
/// <param name="Duration">The simulated latency (the seed's <c>sleep(random() / k)</c>).</param>
public readonly record struct SimulatedWork(TimeSpan Duration)
{
    /// <summary>Waits for <see cref="Duration"/> without holding a thread.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
        => Duration <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(Duration, cancellationToken);
}

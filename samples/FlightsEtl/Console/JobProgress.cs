namespace FlightsEtl;

/// <summary>Where the job shows its progress: one bar (or line) per stage. Implementations are thread-safe.</summary>
public interface IJobProgress
{
    /// <summary>Starts showing a stage of <paramref name="total"/> units (files, tasks, rows).</summary>
    IStageProgress StartStage(string name, long total);
}

/// <summary>One stage's progress. Thread-safe.</summary>
public interface IStageProgress
{
    /// <summary>Adds <paramref name="amount"/> finished units.</summary>
    void Advance(long amount);

    /// <summary>Marks the stage finished (its bar full).</summary>
    void Complete();
}

/// <summary>Shows nothing (<c>--quiet</c>, and tests that do not look at progress).</summary>
public sealed class SilentProgress : IJobProgress, IStageProgress
{
    /// <summary>The one instance.</summary>
    public static SilentProgress Instance { get; } = new();

    private SilentProgress()
    {
    }

    /// <inheritdoc/>
    public IStageProgress StartStage(string name, long total) => this;

    /// <inheritdoc/>
    public void Advance(long amount)
    {
    }

    /// <inheritdoc/>
    public void Complete()
    {
    }
}

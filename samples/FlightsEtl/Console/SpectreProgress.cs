using Spectre.Console;

namespace FlightsEtl;

/// <summary>Progress bars on a terminal: one Spectre.Console task per stage.</summary>
public sealed class SpectreProgress(ProgressContext context) : IJobProgress
{
    /// <inheritdoc/>
    public IStageProgress StartStage(string name, long total)
        => new Stage(context.AddTask(Markup.Escape(name), maxValue: System.Math.Max(1, total)));

    // ProgressTask locks its own state, so tasks on any thread may advance it.
    private sealed class Stage(ProgressTask task) : IStageProgress
    {
        public void Advance(long amount) => task.Increment(amount);

        public void Complete()
        {
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}

using System.Threading;

namespace TaskGraph.Scheduling;

/// <summary>A <see cref="DelayedAttribute.Blocking"/> task handed to a <see cref="BlockingThreads"/> thread.</summary>
internal sealed class BlockingTask : IThreadPoolWorkItem
{
    private readonly Computation owner;
    private readonly int slot;

    internal BlockingTask(Computation owner, int slot)
    {
        this.owner = owner;
        this.slot = slot;
    }

    void IThreadPoolWorkItem.Execute() => owner.RunBlockingTask(slot);
}

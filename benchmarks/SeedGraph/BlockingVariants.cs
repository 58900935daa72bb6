using CustomEtl;

namespace SeedGraph;

/// <summary>The seed's tasks written blocking (<c>Thread.Sleep</c>), marked and unmarked, for the same graph builder.</summary>
internal static class BlockingVariants
{
    /// <summary><see cref="BlockingTasks"/>: they sleep on threads of their own, outside the compute's CPU-sized pool.</summary>
    public static EtlWrappers Marked { get; } = new(
        "blocking, Blocking = true",
        BlockingTasks.LoadDelayed,
        BlockingTasks.LoadFromSqlDelayed,
        BlockingTasks.ProcessDelayed,
        BlockingTasks.RollDelayed,
        BlockingTasks.CompareDelayed,
        BlockingTasks.ReductionDelayed);

    /// <summary><see cref="UnmarkedBlockingTasks"/>: they sleep on the compute's CPU-sized pool, at most MaxDegreeOfParallelism at a time.</summary>
    public static EtlWrappers Unmarked { get; } = new(
        "blocking, unmarked",
        UnmarkedBlockingTasks.LoadDelayed,
        UnmarkedBlockingTasks.LoadFromSqlDelayed,
        UnmarkedBlockingTasks.ProcessDelayed,
        UnmarkedBlockingTasks.RollDelayed,
        UnmarkedBlockingTasks.CompareDelayed,
        UnmarkedBlockingTasks.ReductionDelayed);
}
